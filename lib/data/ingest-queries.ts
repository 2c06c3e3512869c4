import { asc, count, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ingestBatches, quarantinedRows, type IngestBatch } from "@/db/schema";

/** The newest ingest batches (one per file per ETL run), newest first. */
export async function listIngestBatches({ db, limit = 50 }: { db: Database; limit?: number }): Promise<IngestBatch[]> {
  return db.select().from(ingestBatches).orderBy(desc(ingestBatches.startedAt), desc(ingestBatches.id)).limit(limit);
}

export interface QuarantinedRowView {
  id: number;
  batchId: number;
  lineNumber: number;
  rawText: string;
  reason: string;
  createdAt: Date;
  location: string;
  season: string | null;
  runId: string | null;
}

/**
 * Rows that failed validation with the file they came from: newest batch first, then in line
 * order. `total` counts every stored quarantined row, not only the ones returned.
 */
export async function listQuarantinedRows({
  db,
  limit = 100,
}: {
  db: Database;
  limit?: number;
}): Promise<{ rows: QuarantinedRowView[]; total: number }> {
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: quarantinedRows.id,
        batchId: quarantinedRows.batchId,
        lineNumber: quarantinedRows.lineNumber,
        rawText: quarantinedRows.rawText,
        reason: quarantinedRows.reason,
        createdAt: quarantinedRows.createdAt,
        location: ingestBatches.location,
        season: ingestBatches.season,
        runId: ingestBatches.runId,
      })
      .from(quarantinedRows)
      .innerJoin(ingestBatches, eq(ingestBatches.id, quarantinedRows.batchId))
      .orderBy(desc(quarantinedRows.batchId), asc(quarantinedRows.lineNumber))
      .limit(limit),
    db.select({ total: count() }).from(quarantinedRows),
  ]);
  return { rows, total };
}
