import { createHash } from "node:crypto";
import path from "node:path";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import type { BatchSummary, OnEtlProgress } from "./batch-summary";
import { fetchCompetitionMatches, competitionMatchesUrl, type OrgClientOptions } from "./football-data-org-client";
import { parseOrgMatches } from "./football-data-org-matches";
import type { FetchOptions } from "./http-fetch";
import { lastCompletedSha, recordEmptyBatch, recordSourceFailure } from "./ingest-batches";
import { parseFixtureList } from "./parse-fixture-list";
import type { ParsedFile } from "./parse-season-file";
import { seasonCodeForStartYear, seasonStartYear, seasonOfDate } from "./season-code";
import { DEFAULT_DATA_DIR, readBundledFile } from "./season-source";
import { SourceError } from "./source-error";
import { loadTeamResolver, type ResolveTeam } from "./team-resolver";
import { storeParsedFile } from "./store-parsed-file";

export const BUNDLED_FIXTURE_FILE = "fixturedownload_epl-2026-UTC.csv";

export interface IngestFixturesOptions {
  db: Database;
  /** `auto` (default): football-data.org when a token is set, else the bundled fixture list. */
  source?: "auto" | "bundled" | "football-data.org";
  /** football-data.org season by start year; default the season of today. */
  seasonStartYear?: number;
  token?: string;
  orgBaseUrl?: string;
  dataDir?: string;
  /** A fixture list file other than the bundled one (tests, a newer download). */
  fixtureFile?: string;
  http?: FetchOptions;
  runId?: string;
  force?: boolean;
  resolveTeam?: ResolveTeam;
  onProgress?: OnEtlProgress;
}

type Loaded = { source: string; location: string; bytes: Uint8Array; parse: (resolve: ResolveTeam) => ParsedFile };

const currentSeasonStartYear = () => seasonStartYear(seasonOfDate(new Date()));

async function load(options: IngestFixturesOptions, useOrg: boolean, http: FetchOptions): Promise<Loaded> {
  if (useOrg) {
    const client: OrgClientOptions = { token: options.token, baseUrl: options.orgBaseUrl, http };
    const page = await fetchCompetitionMatches(options.seasonStartYear ?? currentSeasonStartYear(), client);
    return {
      source: "football-data.org",
      location: page.url,
      bytes: page.bytes,
      parse: (resolve) => ({ encoding: "utf-8", ...parseOrgMatches(page.matches, resolve) }),
    };
  }
  const location =
    options.fixtureFile ?? path.join(options.dataDir ?? DEFAULT_DATA_DIR, "fixtures", BUNDLED_FIXTURE_FILE);
  const { bytes } = await readBundledFile(location);
  return {
    source: "fixturedownload",
    location,
    bytes,
    parse: (resolve) => parseFixtureList({ bytes, location, resolveTeam: resolve }),
  };
}

/**
 * Upcoming fixtures into `matches`: from football-data.org when a token is set (or asked for),
 * else the bundled fixturedownload.com list. Fixtures are `scheduled` rows keyed like results,
 * so a later result turns the same row `finished`; a row a results file wrote is never touched.
 * Same contract as ingestSeasonFile: source problems come back as a `failed` summary.
 */
export async function ingestFixtures(options: IngestFixturesOptions): Promise<BatchSummary> {
  const { db } = options;
  const startedAt = new Date();
  const started = performance.now();
  const token = options.token ?? env().FOOTBALL_DATA_ORG_TOKEN;
  const useOrg = options.source === "football-data.org" || (options.source !== "bundled" && !!token);
  const source = useOrg ? "football-data.org" : "fixturedownload";
  const orgUrl = competitionMatchesUrl(options.seasonStartYear ?? currentSeasonStartYear(), {
    baseUrl: options.orgBaseUrl,
  });
  const http: FetchOptions = {
    ...options.http,
    onRetry: (retry) => {
      options.http?.onRetry?.(retry);
      options.onProgress?.({ type: "retry", location: orgUrl, ...retry });
    },
  };
  let loaded: Loaded;
  try {
    loaded = await load({ ...options, token }, useOrg, http);
  } catch (error) {
    const location = error instanceof SourceError ? error.location : orgUrl;
    return recordSourceFailure(
      db,
      { source, location, season: null, sha256: null, runId: options.runId },
      startedAt,
      error,
    );
  }
  const sha256 = createHash("sha256").update(loaded.bytes).digest("hex");
  const start = {
    source: loaded.source,
    location: loaded.location,
    season: null as string | null,
    sha256,
    runId: options.runId,
  };
  if (!options.force && (await lastCompletedSha({ db, location: loaded.location })) === sha256) {
    return recordEmptyBatch(db, start, { status: "skipped", startedAt });
  }
  let parsed: ParsedFile;
  try {
    parsed = loaded.parse(options.resolveTeam ?? (await loadTeamResolver({ db })));
  } catch (error) {
    return recordSourceFailure(db, start, startedAt, error);
  }
  const seasons = [...new Set(parsed.matches.map((m) => m.values.season))];
  start.season =
    seasons.length === 1
      ? seasons[0]
      : options.seasonStartYear
        ? seasonCodeForStartYear(options.seasonStartYear)
        : null;

  return storeParsedFile(db, { start, startedAt, started, parsed }, "fixture");
}
