import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { matches } from "@/db/schema";
import type { BatchSummary } from "./batch-summary";
import { finishBatch, insertQuarantine, openBatch, storedSummary, type BatchStart } from "./ingest-batches";
import type { ParsedFixtureOdds } from "./parse-fixture-odds";

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/**
 * Writes the fixtures file's Premier League rows in one transaction with their batch: a stored
 * scheduled match takes the file's pre-match odds and kickoff (only when they changed, so that an
 * unchanged file changes nothing), a fixture not stored yet is added as scheduled, and a match
 * already played is left to the results file. Bad rows are quarantined.
 */
export async function storeFixtureOdds(
  db: Database,
  file: { start: BatchStart; startedAt: Date; started: number; parsed: ParsedFixtureOdds },
): Promise<BatchSummary> {
  const { start, parsed } = file;
  return db.transaction(async (tx) => {
    const batchId = await openBatch(tx, start, file.startedAt);
    const seasons = [...new Set(parsed.fixtures.map((f) => f.season))];
    const stored = seasons.length ? await tx.select().from(matches).where(inArray(matches.season, seasons)) : [];
    const byKey = new Map(stored.map((m) => [`${m.season}:${m.homeTeamId}:${m.awayTeamId}`, m]));
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const f of parsed.fixtures) {
      const values = { kickoff: f.kickoff, kickoffTimeKnown: f.kickoffTimeKnown, ...f.odds };
      const match = byKey.get(`${f.season}:${f.home.id}:${f.away.id}`);
      if (!match) {
        await tx.insert(matches).values({
          ...values,
          season: f.season,
          homeTeamId: f.home.id,
          awayTeamId: f.away.id,
          status: "scheduled",
          source: start.source,
          batchId,
        });
        counts.inserted += 1;
      } else if (
        match.status !== "scheduled" ||
        Object.entries(values).every(([k, v]) => same(match[k as keyof typeof match], v))
      ) {
        counts.unchanged += 1;
      } else {
        await tx
          .update(matches)
          .set({ ...values, batchId, updatedAt: new Date() })
          .where(and(eq(matches.id, match.id), eq(matches.status, "scheduled")));
        counts.updated += 1;
      }
    }
    await insertQuarantine(tx, batchId, parsed.quarantined);
    const summary = storedSummary(
      batchId,
      start,
      { rowsRead: parsed.rowsRead, ...counts, quarantined: parsed.quarantined.length },
      file.started,
    );
    await finishBatch(tx, batchId, summary);
    return summary;
  });
}
