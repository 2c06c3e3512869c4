import { createHash } from "node:crypto";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import type { BatchSummary, OnEtlProgress } from "./batch-summary";
import { fetchBytes, type FetchOptions } from "./http-fetch";
import { lastCompletedSha, recordEmptyBatch, recordSourceFailure } from "./ingest-batches";
import { FOOTBALL_DATA_CO_UK } from "./ingest-season-file";
import { parseFixtureOdds } from "./parse-fixture-odds";
import { storeFixtureOdds } from "./store-fixture-odds";
import { loadTeamResolver, type ResolveTeam } from "./team-resolver";

export interface IngestFixtureOddsOptions {
  db: Database;
  /** Default FOOTBALL_DATA_CO_UK_FIXTURES_URL. */
  url?: string;
  http?: FetchOptions;
  runId?: string;
  /** Process the file even if its sha256 equals the last completed batch's. */
  force?: boolean;
  resolveTeam?: ResolveTeam;
  onProgress?: OnEtlProgress;
}

/**
 * football-data.co.uk's current fixtures file, live: the Premier League's coming matches with
 * their pre-match odds, stored on the scheduled matches (storeFixtureOdds). Same contract as
 * ingestSeasonFile: fetched, skipped when unchanged, validated with bad rows quarantined, one
 * transaction with its batch; source problems come back as a `failed` summary naming the URL.
 */
export async function ingestFixtureOdds(options: IngestFixtureOddsOptions): Promise<BatchSummary> {
  const { db } = options;
  const url = options.url ?? env().FOOTBALL_DATA_CO_UK_FIXTURES_URL;
  const startedAt = new Date();
  const started = performance.now();
  const start = {
    source: FOOTBALL_DATA_CO_UK,
    location: url,
    season: null,
    sha256: null as string | null,
    runId: options.runId,
  };
  const fail = (error: unknown) => recordSourceFailure(db, start, startedAt, error);
  let bytes: Uint8Array;
  try {
    const onRetry = (retry: { attempt: number; delayMs: number; reason: string }) => {
      options.http?.onRetry?.(retry);
      void options.onProgress?.({ type: "retry", location: url, ...retry });
    };
    ({ bytes } = await fetchBytes(url, { ...options.http, onRetry }));
  } catch (error) {
    return fail(error);
  }
  start.sha256 = createHash("sha256").update(bytes).digest("hex");
  if (!options.force && (await lastCompletedSha({ db, location: url })) === start.sha256)
    return recordEmptyBatch(db, start, { status: "skipped", startedAt });
  let parsed;
  try {
    const resolveTeam = options.resolveTeam ?? (await loadTeamResolver({ db }));
    parsed = parseFixtureOdds({ bytes, location: url, resolveTeam });
  } catch (error) {
    return fail(error);
  }
  return storeFixtureOdds(db, { start, startedAt, started, parsed });
}
