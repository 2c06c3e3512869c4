import { distance } from "fastest-levenshtein";
import type { Database } from "@/db/client";
import { normaliseTeamKey } from "@/lib/data/team-key";
import { loadAliasRows, type TeamRef } from "@/lib/data/team-resolver";

export interface TeamLookup {
  resolve(name: string): TeamRef | undefined;
  /** Up to `n` canonical names closest to `name` (edit distance over every alias). */
  closest(name: string, n?: number): string[];
  all(): TeamRef[];
}

/** Every alias of every club, for resolving names typed by people (the API, the dashboard). */
export async function loadTeamLookup({ db }: { db: Database }): Promise<TeamLookup> {
  const rows = await loadAliasRows({ db });
  const byKey = new Map(rows.map((r) => [r.key, { id: r.id, name: r.name }]));
  const teamList = [...new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  return {
    resolve: (name) => byKey.get(normaliseTeamKey(name)),
    closest(name, n = 3) {
      const key = normaliseTeamKey(name);
      const best = new Map<string, number>();
      for (const r of rows) {
        // A typed prefix ("newc") should rank its club first, whatever the edit distance says.
        const d = r.key.startsWith(key) && key.length >= 3 ? 0 : distance(key, r.key);
        best.set(r.name, Math.min(best.get(r.name) ?? Infinity, d));
      }
      return [...best.entries()]
        .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
        .slice(0, n)
        .map(([team]) => team);
    },
    all: () => teamList,
  };
}
