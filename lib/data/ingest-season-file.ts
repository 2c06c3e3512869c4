import { createHash } from "node:crypto";
import type { Database } from "@/db/client";
import type { BatchSummary, OnEtlProgress } from "./batch-summary";
import { lastCompletedSha, recordEmptyBatch, recordSourceFailure } from "./ingest-batches";
import { parseSeasonFile } from "./parse-season-file";
import type { SeasonCode } from "./season-code";
import { readSeasonSource, seasonLocation, type SeasonSourceKind, type SourceOptions } from "./season-source";
import { storeParsedFile } from "./store-parsed-file";
import { loadTeamResolver, type ResolveTeam } from "./team-resolver";

export const FOOTBALL_DATA_CO_UK = "football-data.co.uk";

export interface IngestSeasonFileOptions extends SourceOptions {
  db: Database;
  season: SeasonCode;
  source: SeasonSourceKind;
  runId?: string;
  /** Process the file even if its sha256 equals the last completed batch's. */
  force?: boolean;
  /** The sha256 of this location's last completed batch, if the caller looked it up already. */
  lastSha?: string | null;
  /** A resolver loaded once for many files; loaded from the database when omitted. */
  resolveTeam?: ResolveTeam;
  onProgress?: OnEtlProgress;
}

/**
 * One season file end to end: fetch (bundled or live), skip if unchanged, parse, validate,
 * quarantine bad rows and upsert good ones, all in one transaction with its ingest batch.
 * Teams must be seeded (ensureTeams). Source and format problems do not throw: they come back
 * as a `failed` summary (also recorded as a batch) whose `error` names the file or URL; database
 * errors throw.
 */
export async function ingestSeasonFile(options: IngestSeasonFileOptions): Promise<BatchSummary> {
  const { db, season, source } = options;
  const startedAt = new Date();
  const started = performance.now();
  const start = {
    source: FOOTBALL_DATA_CO_UK,
    location: seasonLocation(season, source, options),
    season,
    sha256: null as string | null,
    runId: options.runId,
  };
  const fail = (error: unknown) => recordSourceFailure(db, start, startedAt, error);

  let bytes: Uint8Array;
  try {
    const onRetry = (retry: { attempt: number; delayMs: number; reason: string }) => {
      options.http?.onRetry?.(retry);
      void options.onProgress?.({ type: "retry", location: start.location, ...retry });
    };
    ({ bytes } = await readSeasonSource(season, source, { ...options, http: { ...options.http, onRetry } }));
  } catch (error) {
    return fail(error);
  }
  start.sha256 = createHash("sha256").update(bytes).digest("hex");
  const lastSha =
    options.lastSha !== undefined ? options.lastSha : await lastCompletedSha({ db, location: start.location });
  if (!options.force && lastSha === start.sha256) return recordEmptyBatch(db, start, { status: "skipped", startedAt });
  let parsed;
  try {
    const resolveTeam = options.resolveTeam ?? (await loadTeamResolver({ db }));
    parsed = await parseSeasonFile({ bytes, location: start.location, season, resolveTeam });
  } catch (error) {
    return fail(error);
  }
  return storeParsedFile(db, { start, startedAt, started, parsed }, "result");
}
