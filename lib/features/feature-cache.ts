import { count, max } from "drizzle-orm";
import type { Database } from "@/db/client";
import { matches } from "@/db/schema";
import { buildFeatureRows, type FeatureRow } from "./build-features";
import type { FeatureMatch } from "./feature-match";
import { loadFeatureMatches } from "./load-feature-matches";
import { processSlot } from "@/lib/process-slot";

export interface FeatureSnapshot {
  /** Changes whenever a match is added or updated. */
  dataVersion: string;
  matches: FeatureMatch[];
  rows: FeatureRow[];
}

// Pipeline steps run one after another in the same process; rebuilding 13k rows per step would
// waste seconds, so the last snapshot is kept while the data are unchanged.
const cache = processSlot<{ db: Database; snapshot: Promise<FeatureSnapshot> }>("feature-snapshot");

async function dataVersionOf(db: Database): Promise<string> {
  const [row] = await db.select({ n: count(), updated: max(matches.updatedAt), id: max(matches.id) }).from(matches);
  return `${row.n}:${row.id ?? 0}:${row.updated?.getTime() ?? 0}`;
}

/** Feature rows of every stored match, rebuilt only when the matches changed. */
export async function getFeatureSnapshot({ db }: { db: Database }): Promise<FeatureSnapshot> {
  const version = await dataVersionOf(db);
  const hit = cache.get();
  if (hit && hit.db === db) {
    const snapshot = await hit.snapshot.catch(() => null);
    if (snapshot?.dataVersion === version) return snapshot;
  }
  const snapshot = (async () => {
    const list = await loadFeatureMatches({ db });
    return { dataVersion: version, matches: list, rows: buildFeatureRows(list) };
  })();
  cache.set({ db, snapshot });
  return snapshot;
}
