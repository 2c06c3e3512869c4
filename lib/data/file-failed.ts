import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ingestBatches } from "@/db/schema";
import type { BatchSummary } from "./batch-summary";

/** Thrown by a file's step when the file could not be loaded (its failed batch is recorded first). */
export class FileFailedError extends Error {
  constructor(readonly summary: BatchSummary) {
    super(summary.error ?? `${summary.location} could not be loaded`);
    this.name = "FileFailedError";
  }
}

/**
 * The failed batch a run recorded for a file, as its summary. A durable step's failure comes back
 * to the function as a plain error (Inngest keeps its name and message only); the batch row keeps
 * the rest. `fixtures`: the run's failed fixtures batch, wherever it was read from.
 */
export async function failedBatchOf({
  db,
  runId,
  location,
  fixtures = false,
}: {
  db: Database;
  runId: string | undefined;
  location: string;
  fixtures?: boolean;
}): Promise<BatchSummary | null> {
  if (!runId) return null;
  const [row] = await db
    .select()
    .from(ingestBatches)
    .where(
      and(
        eq(ingestBatches.runId, runId),
        eq(ingestBatches.status, "failed"),
        fixtures ? isNull(ingestBatches.season) : eq(ingestBatches.location, location),
      ),
    )
    .orderBy(desc(ingestBatches.id))
    .limit(1);
  if (!row) return null;
  return {
    batchId: row.id,
    source: row.source,
    location: row.location,
    season: row.season,
    status: row.status,
    sha256: row.sha256,
    rowsRead: row.rowsRead,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    quarantined: row.quarantined,
    durationMs: row.durationMs ?? 0,
    ...(row.error ? { error: row.error } : {}),
  };
}
