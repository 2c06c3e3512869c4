import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ingestBatches, quarantinedRows } from "@/db/schema";
import type { BatchSummary } from "./batch-summary";
import { SourceError } from "./source-error";
import type { QuarantineEntry } from "./parse-season-file";

/** The sha256 of the newest completed batch of a location, or null. */
export async function lastCompletedSha({ db, location }: { db: Database; location: string }): Promise<string | null> {
  return (await lastCompletedShas({ db, locations: [location] })).get(location) ?? null;
}

/** The sha256 of the newest completed batch of each location, in one query (a run's files). */
export async function lastCompletedShas({
  db,
  locations,
}: {
  db: Database;
  locations: string[];
}): Promise<Map<string, string>> {
  if (locations.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([ingestBatches.location], { location: ingestBatches.location, sha256: ingestBatches.sha256 })
    .from(ingestBatches)
    .where(and(inArray(ingestBatches.location, locations), eq(ingestBatches.status, "completed")))
    .orderBy(ingestBatches.location, desc(ingestBatches.startedAt), desc(ingestBatches.id));
  return new Map(rows.filter((r) => r.sha256 !== null).map((r) => [r.location, r.sha256!]));
}

export type BatchStart = Pick<BatchSummary, "source" | "location" | "season" | "sha256"> & { runId?: string };

/** Records a batch that wrote nothing (skipped or failed) and returns its summary. */
export async function recordEmptyBatch(
  db: Database,
  start: BatchStart,
  outcome: {
    status: "skipped" | "failed";
    startedAt: Date;
    error?: string;
    retriable?: boolean;
    httpStatus?: number | null;
    unreachable?: boolean;
  },
): Promise<BatchSummary> {
  const durationMs = Math.round(Date.now() - outcome.startedAt.getTime());
  const [row] = await db
    .insert(ingestBatches)
    .values({
      ...start,
      runId: start.runId ?? null,
      status: outcome.status,
      error: outcome.error ?? null,
      startedAt: outcome.startedAt,
      finishedAt: sql`now()`,
      durationMs,
    })
    .returning({ id: ingestBatches.id });
  return {
    batchId: row.id,
    source: start.source,
    location: start.location,
    season: start.season,
    status: outcome.status,
    sha256: start.sha256,
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    quarantined: 0,
    durationMs,
    ...(outcome.error ? { error: outcome.error, retriable: outcome.retriable ?? false } : {}),
    ...(outcome.httpStatus ? { httpStatus: outcome.httpStatus } : {}),
    ...(outcome.unreachable ? { unreachable: true } : {}),
  };
}

/**
 * Records a file that could not be read or parsed (a SourceError: unreachable, an error status, a
 * malformed file) as a failed batch whose error names the file or URL; any other error is thrown.
 */
export async function recordSourceFailure(
  db: Database,
  start: BatchStart,
  startedAt: Date,
  error: unknown,
): Promise<BatchSummary> {
  if (!(error instanceof SourceError)) throw error;
  return recordEmptyBatch(db, start, {
    status: "failed",
    startedAt,
    error: error.message,
    retriable: error.retriable,
    httpStatus: error.status,
    unreachable: error.unreachable,
  });
}

/** The summary of a file stored in its batch: what it read, wrote and quarantined. */
export function storedSummary(
  batchId: number,
  start: BatchStart,
  counts: Pick<BatchSummary, "rowsRead" | "inserted" | "updated" | "unchanged" | "quarantined">,
  started: number,
): BatchSummary {
  const { source, location, season, sha256 } = start;
  return {
    batchId,
    source,
    location,
    season,
    sha256,
    status: "completed",
    ...counts,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * Opens a batch inside the file's transaction (its counts are written by finishBatch) and turns
 * off waiting for the commit's disk flush, in the same round trip. A crash may then lose the
 * last batches committed, but atomically (batch and rows together), and a rerun loads them again.
 */
export async function openBatch(tx: Database, start: BatchStart, startedAt: Date): Promise<number> {
  const [row] = await tx
    .insert(ingestBatches)
    .values({ ...start, runId: start.runId ?? null, status: "completed", startedAt })
    .returning({ id: ingestBatches.id, asyncCommit: sql`set_config('synchronous_commit', 'off', true)` });
  return row.id;
}

export async function finishBatch(
  tx: Database,
  batchId: number,
  counts: Pick<BatchSummary, "rowsRead" | "inserted" | "updated" | "unchanged" | "quarantined" | "durationMs">,
): Promise<void> {
  await tx
    .update(ingestBatches)
    .set({ ...counts, finishedAt: sql`now()` })
    .where(eq(ingestBatches.id, batchId));
}

// Postgres text cannot hold NUL; a quarantined row keeps it visible as \x00.
const storable = (text: string) => text.replace(/\u0000/g, "\\x00");

/** Stores a file's bad rows with their line, raw text and reason (one multi-row insert). */
export async function insertQuarantine(tx: Database, batchId: number, entries: QuarantineEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await tx
      .insert(quarantinedRows)
      .values(
        entries
          .slice(i, i + 1000)
          .map((e) => ({ batchId, lineNumber: e.line, rawText: storable(e.raw), reason: storable(e.reason) })),
      );
  }
}
