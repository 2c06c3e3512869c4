import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import type { BatchSummary, OnEtlProgress } from "./batch-summary";
import { ensureTeams, type EnsureTeamsSummary } from "./ensure-teams";
import { FileFailedError, failedBatchOf } from "./file-failed";
import { ingestFixtures, type IngestFixturesOptions } from "./ingest-fixtures";
import { lastCompletedShas } from "./ingest-batches";
import { ingestSeasonFile } from "./ingest-season-file";
import { BUNDLED_SEASONS, FIRST_SEASON, seasonOfDate, seasonRange, type SeasonCode } from "./season-code";
import { seasonLocation, type SeasonSourceKind, type SourceOptions } from "./season-source";
import { loadTeamResolver, type ResolveTeam } from "./team-resolver";

/** Season files stored at once: two transactions (on Postgres two backends; PGlite runs them in turn). */
const FILES_AT_ONCE = 2;

/**
 * Runs one named unit of work. The pipeline passes Inngest's `step.run`, so each unit is a durable
 * step (a run cut off half-way resumes at the next file); the CLI's tests and the benchmark call
 * the work directly.
 */
export type RunStep = <T>(name: string, work: () => Promise<T>) => Promise<T>;
const runDirectly: RunStep = (_name, work) => work();

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
  runStep?: RunStep;
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
  /** Files counted neither as loaded nor as failed: the newest season of a live run is not published yet. */
  unpublished: BatchSummary[];
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
 * `work` over `items` with at most `limit` in flight, each next item started as soon as one ends;
 * results in item order. On an error no further item starts, and it is thrown once the items in
 * flight have settled (a caller may close the database as soon as this rejects).
 */
async function inOrder<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const i = next++;
      try {
        results[i] = await work(items[i], i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  if (failure) throw failure.error;
  return results;
}

/**
 * The whole ETL, the one orchestration the pipeline, the CLI, the tests and the benchmark run:
 * plan (each season once, the stored hashes in one query), seed teams, then the season files two
 * at a time (each one transaction), then fixtures. A file that fails is recorded as a failed batch
 * and its step fails, but the run goes on with the next file; the caller decides what a failure
 * means. The newest season of a live run that asked for every season may not be published yet (the
 * file appears around its first matchday): its 404 is reported apart, not as a failure.
 */
export async function runEtl(options: RunEtlOptions): Promise<EtlSummary> {
  const started = performance.now();
  const { db, runId, force, onProgress, runStep = runDirectly } = options;
  const plan = await runStep("plan sources", async () => {
    const source = options.source ?? env().DATA_SOURCE;
    // Each season once: two transactions writing the same season's rows at once would collide.
    const seasons = [...new Set(options.seasons ?? defaultSeasons(source))];
    const locations = seasons.map((s) => seasonLocation(s, source, options));
    const shas = await lastCompletedShas({ db, locations });
    return { source, seasons, lastShas: Object.fromEntries(locations.map((l) => [l, shas.get(l) ?? null])) };
  });
  const teams = await runStep("ensure teams", () => ensureTeams({ db }));
  let resolver: Promise<ResolveTeam> | undefined;
  const resolveTeam = () => (resolver ??= loadTeamResolver({ db }));
  const withFixtures = options.fixtures ?? true;
  const total = plan.seasons.length + (withFixtures ? 1 : 0);
  const newest = plan.seasons[plan.seasons.length - 1];
  const mayBeUnpublished = (f: BatchSummary) =>
    plan.source === "live" && !options.seasons && f.season === newest && f.status === "failed" && f.httpStatus === 404;

  const files: BatchSummary[] = [];
  const unpublished: BatchSummary[] = [];
  const done = (summary: BatchSummary) => (mayBeUnpublished(summary) ? unpublished : files).push(summary);
  // Reported inside the file's step, where a durable step's log lines are written once.
  const report = (summary: BatchSummary, index: number) =>
    onProgress?.({ type: "file", summary, index: index + 1, total });
  const ingestSeason = async (season: SeasonCode, index: number): Promise<BatchSummary> => {
    const location = seasonLocation(season, plan.source, options);
    const step = `ingest season ${season}`;
    try {
      return await runStep(step, async () => {
        const summary = await ingestSeasonFile({
          ...options,
          db,
          season,
          source: plan.source,
          runId,
          force,
          lastSha: plan.lastShas[location] ?? null,
          resolveTeam: await resolveTeam(),
        });
        await report(summary, index);
        if (summary.status === "failed" && !mayBeUnpublished(summary)) throw new FileFailedError(summary);
        return summary;
      });
    } catch (error) {
      const failed = error instanceof FileFailedError ? error.summary : await failedBatchOf({ db, runId, location });
      if (!failed) throw error;
      return failed;
    }
  };
  for (const summary of await inOrder(plan.seasons, FILES_AT_ONCE, ingestSeason)) done(summary);
  if (withFixtures) {
    const fixtureOptions = typeof withFixtures === "object" ? withFixtures : {};
    const location = "fixtures";
    try {
      done(
        await runStep("ingest fixtures", async () => {
          const summary = await ingestFixtures({
            dataDir: options.dataDir,
            http: options.http,
            ...fixtureOptions,
            db,
            runId,
            force,
            resolveTeam: await resolveTeam(),
            onProgress,
          });
          await report(summary, total - 1);
          if (summary.status === "failed") throw new FileFailedError(summary);
          return summary;
        }),
      );
    } catch (error) {
      const failed =
        error instanceof FileFailedError ? error.summary : await failedBatchOf({ db, runId, location, fixtures: true });
      if (!failed) throw error;
      done(failed);
    }
  }
  const totals = totalsOf(files);
  return {
    runId: runId ?? null,
    source: plan.source,
    teams,
    files,
    unpublished,
    totals,
    changed: totals.inserted + totals.updated > 0,
    durationMs: Math.round(performance.now() - started),
  };
}
