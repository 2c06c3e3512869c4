import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { BatchSummary } from "./batch-summary";
import { finishBatch, insertQuarantine, openBatch, type BatchStart } from "./ingest-batches";
import type { ParsedFile } from "./parse-season-file";
import { upsertMatches, type UpsertPolicy } from "./upsert-matches";

/**
 * Writes one parsed source file in one transaction: its batch, its matches (upserted) and its
 * quarantined rows. Either all of it lands or none of it.
 */
export async function storeParsedFile(
  db: Database,
  file: { start: BatchStart; startedAt: Date; started: number; parsed: Pick<ParsedFile, "rowsRead" | "matches" | "quarantined"> },
  policy: UpsertPolicy,
): Promise<BatchSummary> {
  const { start, parsed } = file;
  return db.transaction(async (tx) => {
    // A crash may lose the last batches committed this way, but atomically (batch and rows
    // together), and a rerun loads them again; the ETL does not wait for each file's disk flush.
    await tx.execute(sql`set local synchronous_commit = off`);
    const batchId = await openBatch(tx, start, file.startedAt);
    const counts = await upsertMatches(tx, parsed.matches, { batchId, policy });
    await insertQuarantine(tx, batchId, parsed.quarantined);
    const summary: BatchSummary = {
      batchId,
      source: start.source,
      location: start.location,
      season: start.season,
      sha256: start.sha256,
      status: "completed",
      rowsRead: parsed.rowsRead,
      ...counts,
      quarantined: parsed.quarantined.length,
      durationMs: Math.round(performance.now() - file.started),
    };
    await finishBatch(tx, batchId, summary);
    return summary;
  });
}
