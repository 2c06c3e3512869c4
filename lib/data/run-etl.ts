import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import type { BatchSummary, OnEtlProgress } from "./batch-summary";
import { ensureTeams, type EnsureTeamsSummary } from "./ensure-teams";
import { ingestFixtures, type IngestFixturesOptions } from "./ingest-fixtures";
import { prepareSeasonFile } from "./ingest-season-file";
import { BUNDLED_SEASONS, FIRST_SEASON, seasonOfDate, seasonRange, type SeasonCode } from "./season-code";
import { lastCompletedShas } from "./ingest-batches";
import { seasonLocation, type SeasonSourceKind, type SourceOptions } from "./season-source";
import { loadTeamResolver } from "./team-resolver";

const STORES_IN_FLIGHT = 2;

export interface RunEtlOptions extends SourceOptions {
  db: Database;
  /** Default DATA_SOURCE. */
  source?: SeasonSourceKind;
  /** Default: the 33 bundled seasons, or (live) every season from 1993/94 to today's. */
  seasons?: SeasonCode[];
  /** Also load fixtures (default true). */
  fixtures?: boolean | Omit<IngestFixturesOptions, "db" | "runId" | "onProgress" | "resolveTeam">;
  runId?: string;
  /** Reprocess files even when unchanged since their last completed batch. */
  force?: boolean;
  onProgress?: OnEtlProgress;
}

export interface EtlTotals {
  files: number;
  completed: number;
  skipped: number;
  failed: number;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

/** The result of one ETL run: small and JSON-serialisable. */
export interface EtlSummary {
  runId: string | null;
  source: SeasonSourceKind;
  teams: EnsureTeamsSummary;
  files: BatchSummary[];
  totals: EtlTotals;
  /** Whether any match row was inserted or updated (downstream pipelines then rerun). */
  changed: boolean;
  durationMs: number;
}

/** The seasons a full run loads by default for a source. */
export function defaultSeasons(source: SeasonSourceKind, today = new Date()): SeasonCode[] {
  return source === "bundled" ? [...BUNDLED_SEASONS] : seasonRange(FIRST_SEASON, seasonOfDate(today));
}

export function totalsOf(files: BatchSummary[]): EtlTotals {
  const sum = (k: keyof EtlTotals & keyof BatchSummary) => files.reduce((n, f) => n + (f[k] as number), 0);
  return {
    files: files.length,
    completed: files.filter((f) => f.status === "completed").length,
    skipped: files.filter((f) => f.status === "skipped").length,
    failed: files.filter((f) => f.status === "failed").length,
    rowsRead: sum("rowsRead"),
    inserted: sum("inserted"),
    updated: sum("updated"),
    unchanged: sum("unchanged"),
    quarantined: sum("quarantined"),
  };
}

/**
 * The whole ETL: seed teams, then every season file (one transaction each), then fixtures. A
 * file that fails is reported in `files` and the run goes on with the next; the caller decides
 * what a failure means (the CLI exits non-zero).
 */
export async function runEtl(options: RunEtlOptions): Promise<EtlSummary> {
  const started = performance.now();
  const { db, runId, force, onProgress } = options;
  const source = options.source ?? env().DATA_SOURCE;
  // Each season once: two transactions writing the same season's rows at once would collide.
  const seasons = [...new Set(options.seasons ?? defaultSeasons(source))];
  const teams = await ensureTeams({ db });
  const resolveTeam = await loadTeamResolver({ db });
  const withFixtures = options.fixtures ?? true;
  const total = seasons.length + (withFixtures ? 1 : 0);
  const files: BatchSummary[] = [];
  const done = (summary: BatchSummary) => {
    files.push(summary);
    onProgress?.({ type: "file", summary, index: files.length, total });
  };
  // One query for every file's last sha256 instead of one per file.
  const lastShas = await lastCompletedShas({ db, locations: seasons.map((s) => seasonLocation(s, source, options)) });
  const prepare = (season: SeasonCode) => {
    const lastSha = lastShas.get(seasonLocation(season, source, options)) ?? null;
    const prepared = prepareSeasonFile({
      ...options,
      db,
      season,
      source,
      runId,
      force,
      resolveTeam,
      lastSha,
      onProgress,
    });
    prepared.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
    return prepared;
  };
  // The next file is read and parsed while the database stores earlier ones, and two files'
  // transactions may be open at once (on Postgres two backends write; PGlite runs them in turn).
  // Summaries are reported in file order.
  const storing: Promise<BatchSummary>[] = [];
  let next = seasons.length ? prepare(seasons[0]) : null;
  try {
    for (let i = 0; next; i++) {
      const prepared = await next;
      next = i + 1 < seasons.length ? prepare(seasons[i + 1]) : null;
      const stored = "summary" in prepared ? Promise.resolve(prepared.summary) : prepared.store();
      stored.catch(() => {}); // awaited below, in order
      storing.push(stored);
      if (storing.length >= STORES_IN_FLIGHT) done(await storing.shift()!);
    }
    while (storing.length) done(await storing.shift()!);
  } catch (error) {
    // A database error ends the run, but not before the other file in flight has settled (the
    // caller may close the database as soon as this rejects); a file stored meanwhile is reported.
    for (const settled of await Promise.allSettled(storing)) if (settled.status === "fulfilled") done(settled.value);
    await next?.catch(() => {});
    throw error;
  }
  if (withFixtures) {
    const fixtureOptions = typeof withFixtures === "object" ? withFixtures : {};
    done(
      await ingestFixtures({
        dataDir: options.dataDir,
        http: options.http,
        ...fixtureOptions,
        db,
        runId,
        force,
        resolveTeam,
        onProgress,
      }),
    );
  }
  const totals = totalsOf(files);
  return {
    runId: runId ?? null,
    source,
    teams,
    files,
    totals,
    changed: totals.inserted + totals.updated > 0,
    durationMs: Math.round(performance.now() - started),
  };
}
