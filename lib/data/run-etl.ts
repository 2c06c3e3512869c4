import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import type { BatchSummary, OnEtlProgress } from "./batch-summary";
import { ensureTeams, type EnsureTeamsSummary } from "./ensure-teams";
import { planSeasons, totalsOf, type EtlSource, type EtlTotals, type PlannedSeason } from "./etl-plan";
import { FileFailedError, failedBatchOf } from "./file-failed";
import { inOrder } from "./in-order";
import { ingestFixtureOdds } from "./ingest-fixture-odds";
import { ingestFixtures, type IngestFixturesOptions } from "./ingest-fixtures";
import { lastCompletedShas } from "./ingest-batches";
import { ingestSeasonFile } from "./ingest-season-file";
import type { SeasonCode } from "./season-code";
import { seasonLocation, type SourceOptions } from "./season-source";
import { loadTeamResolver, type ResolveTeam } from "./team-resolver";

export { defaultSeasons, totalsOf, type EtlSource, type EtlTotals } from "./etl-plan";

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
  source?: EtlSource;
  /** Default: every season the source can load (defaultSeasons). */
  seasons?: SeasonCode[];
  /** Also load fixtures (default true): the fixture list, and with a live source the fixtures file's odds. */
  fixtures?: boolean | Omit<IngestFixturesOptions, "db" | "runId" | "onProgress" | "resolveTeam">;
  /** The fixtures file with odds; default FOOTBALL_DATA_CO_UK_FIXTURES_URL. */
  fixtureOddsUrl?: string;
  runId?: string;
  /** Reprocess files even when unchanged since their last completed batch. */
  force?: boolean;
  onProgress?: OnEtlProgress;
  runStep?: RunStep;
}

/** The result of one ETL run: small and JSON-serialisable. */
export interface EtlSummary {
  runId: string | null;
  source: EtlSource;
  teams: EnsureTeamsSummary;
  files: BatchSummary[];
  /** Not failures: the newest season of a run over every season, not published yet (404). */
  unpublished: BatchSummary[];
  /** Not failures: with source auto, the live sources gave no answer; the snapshot was loaded alone. */
  offline: BatchSummary[];
  totals: EtlTotals;
  /** Whether any match row was inserted or updated (downstream pipelines then rerun). */
  changed: boolean;
  durationMs: number;
}

interface Unit {
  step: string;
  location: string;
  /** The fixture list's location depends on its source: its failed batch is found by its null season. */
  fixtureList?: boolean;
  load: (resolveTeam: ResolveTeam) => Promise<BatchSummary>;
}

/**
 * The whole ETL, the one orchestration the pipeline, the CLI, the tests and the benchmark run:
 * plan (each season once with its file's source, the stored hashes in one query), seed teams, the
 * snapshot's season files two at a time (each one transaction), live season files one after
 * another, then the fixture list and, from a live source, the fixtures file's pre-match odds. A
 * file that fails is recorded as a failed batch and its step fails, but the run goes on; the caller
 * decides what a failure means. Two misses are expected, reported apart and not failures: the
 * newest season of a run over every season not published yet (404), and with source auto the live
 * sources not answering at all (offline: the run then loads the snapshot alone, saying so once).
 */
export async function runEtl(options: RunEtlOptions): Promise<EtlSummary> {
  const started = performance.now();
  const { db, runId, force, onProgress, runStep = runDirectly } = options;
  const plan = await runStep("plan sources", async () => {
    const source = options.source ?? env().DATA_SOURCE;
    const seasons = planSeasons(source, options.seasons);
    const locations = seasons.map((s) => seasonLocation(s.season, s.kind, options));
    const shas = await lastCompletedShas({ db, locations });
    return { source, seasons, lastShas: Object.fromEntries(locations.map((l) => [l, shas.get(l) ?? null])) };
  });
  const teams = await runStep("ensure teams", () => ensureTeams({ db }));
  let resolver: Promise<ResolveTeam> | undefined;
  const resolveTeam = () => (resolver ??= loadTeamResolver({ db }));
  const withFixtures = options.fixtures ?? true;
  const withOdds = withFixtures !== false && plan.source !== "bundled";
  const total = plan.seasons.length + (withFixtures ? 1 : 0) + (withOdds ? 1 : 0);
  const newest = plan.seasons[plan.seasons.length - 1]?.season;
  const unpublished = (f: BatchSummary) =>
    !options.seasons && f.season === newest && f.status === "failed" && f.httpStatus === 404;
  const offline = (f: BatchSummary) => plan.source === "auto" && f.status === "failed" && f.unreachable === true;
  const expectedMiss = (f: BatchSummary) => unpublished(f) || offline(f);

  // A unit's summary: from its step, or for a step that failed, the failed batch it recorded.
  const runUnit = async (unit: Unit, index: number): Promise<BatchSummary> => {
    try {
      return await runStep(unit.step, async () => {
        const summary = await unit.load(await resolveTeam());
        // Reported inside the step, where a durable step's log lines are written once.
        await onProgress?.({ type: "file", summary, index: index + 1, total, expected: expectedMiss(summary) });
        if (summary.status === "failed" && !expectedMiss(summary)) throw new FileFailedError(summary);
        return summary;
      });
    } catch (error) {
      const failed =
        error instanceof FileFailedError
          ? error.summary
          : await failedBatchOf({ db, runId, location: unit.location, fixtures: unit.fixtureList });
      if (!failed) throw error;
      return failed;
    }
  };
  const seasonUnit = ({ season, kind }: PlannedSeason): Unit => {
    const location = seasonLocation(season, kind, options);
    const lastSha = plan.lastShas[location] ?? null;
    return {
      step: `ingest season ${season}`,
      location,
      load: (resolve) =>
        ingestSeasonFile({ ...options, db, season, source: kind, runId, force, lastSha, resolveTeam: resolve }),
    };
  };

  const summaries: BatchSummary[] = [];
  const bundled = plan.seasons.filter((s) => s.kind === "bundled");
  summaries.push(...(await inOrder(bundled.map(seasonUnit), FILES_AT_ONCE, runUnit)));
  // Live files one at a time: once the network is found missing, nothing else is fetched.
  const live = [
    ...plan.seasons.filter((s) => s.kind === "live").map(seasonUnit),
    ...(withOdds
      ? [
          {
            step: "ingest fixture odds",
            location: options.fixtureOddsUrl ?? env().FOOTBALL_DATA_CO_UK_FIXTURES_URL,
            load: (resolve: ResolveTeam) =>
              ingestFixtureOdds({
                db,
                url: options.fixtureOddsUrl,
                http: options.http,
                runId,
                force,
                resolveTeam: resolve,
                onProgress,
              }),
          },
        ]
      : []),
  ];
  for (const [i, unit] of live.entries()) {
    if (summaries.some(offline)) break;
    summaries.push(await runUnit(unit, bundled.length + i));
  }
  if (withFixtures) {
    const fixtureOptions = typeof withFixtures === "object" ? withFixtures : {};
    const list: Unit = {
      step: "ingest fixtures",
      location: "fixtures",
      fixtureList: true,
      load: (resolve) =>
        ingestFixtures({
          dataDir: options.dataDir,
          http: options.http,
          ...fixtureOptions,
          db,
          runId,
          force,
          resolveTeam: resolve,
          onProgress,
        }),
    };
    summaries.push(await runUnit(list, total - 1));
  }
  const files = summaries.filter((f) => !expectedMiss(f));
  const totals = totalsOf(files);
  return {
    runId: runId ?? null,
    source: plan.source,
    teams,
    files,
    unpublished: summaries.filter(unpublished),
    offline: summaries.filter(offline),
    totals,
    changed: totals.inserted + totals.updated > 0,
    durationMs: Math.round(performance.now() - started),
  };
}
