import type { Database } from "@/db/client";
import type { BatchSummary } from "./batch-summary";
import { finishBatch, insertQuarantine, openBatch, storedSummary, type BatchStart } from "./ingest-batches";
import type { ParsedFile } from "./parse-season-file";
import { upsertMatches, type UpsertPolicy } from "./upsert-matches";

/**
 * Writes one parsed source file in one transaction: its batch, its matches (upserted) and its
 * quarantined rows. Either all of it lands or none of it.
 */
export async function storeParsedFile(
  db: Database,
  file: {
    start: BatchStart;
    startedAt: Date;
    started: number;
    parsed: Pick<ParsedFile, "rowsRead" | "matches" | "quarantined">;
  },
  policy: UpsertPolicy,
): Promise<BatchSummary> {
  const { start, parsed } = file;
  return db.transaction(async (tx) => {
    const batchId = await openBatch(tx, start, file.startedAt);
    const counts = await upsertMatches(tx, parsed.matches, { batchId, policy });
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
