import { count, desc, eq, inArray } from "drizzle-orm";
import { getDatabase, type DatabaseHandle } from "@/db/client";
import { ACTIVE_RUN_STATUSES } from "@/db/run-status";
import { pipelineRuns } from "@/db/schema";
import { env } from "@/lib/env";
import { getEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { inngestMode, usesDevServer } from "@/lib/pipelines/inngest-mode";
import { PIPELINE_NAMES, type PipelineName } from "@/lib/pipelines/registry";
import { checkDataFreshnessStep } from "@/lib/pipelines/scoring-steps";
import { getAliasTarget } from "@/lib/registry/aliases";
import type { Regime } from "@/lib/model/regime";
import { modelRps } from "@/lib/registry/model-metrics";
import { regimeScores, type RegimeScore } from "@/lib/registry/regime-score";
import { getModelVersionSummaryById, metricsOf } from "@/lib/registry/model-versions";
import { getDatabaseStatus, type DatabaseStatus } from "./database-status";

type Down = { status: "down"; error: string };

export interface SystemStatus {
  status: "ok" | "degraded";
  time: string;
  components: {
    database: DatabaseStatus;
    executor:
      | { status: "up"; mode: "embedded"; functions: string[]; queued: number; running: number }
      | { status: "external"; mode: "inngest" }
      | (Down & { mode: "embedded" });
    inngest: { status: "not_configured" } | { status: "up"; url: string; latencyMs: number } | (Down & { url: string });
    model:
      | {
          status: "up";
          version: number;
          engine: string;
          createdAt: string;
          ageDays: number;
          rps: number;
          marketRps: number | null;
          /** Each regime's walk-forward score (null: not evaluated in it). */
          regimes: Record<Regime, RegimeScore | null>;
        }
      | { status: "missing" }
      | Down;
    data: Awaited<ReturnType<typeof checkDataFreshnessStep>> | Down;
    pipelines: Record<PipelineName, LastRun | null> | Down;
  };
}

export interface LastRun {
  id: string;
  status: string;
  trigger: string;
  queuedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
}

const DAY = 86_400_000;

async function guard<T>(fn: () => Promise<T>): Promise<T | Down> {
  try {
    return await fn();
  } catch (error) {
    return { status: "down", error: error instanceof Error ? error.message : String(error) };
  }
}

/** The Inngest server the SDK talks to (dev server, self-hosted, or Cloud). */
function inngestUrl(): string {
  const e = env();
  if (e.INNGEST_BASE_URL) return e.INNGEST_BASE_URL;
  const dev = e.INNGEST_DEV?.trim();
  if (dev && /^https?:\/\//.test(dev)) return dev.replace(/\/+$/, "");
  if (usesDevServer(e)) return "http://127.0.0.1:8288";
  return "https://api.inngest.com";
}

async function inngestStatus(): Promise<SystemStatus["components"]["inngest"]> {
  if (inngestMode() === "embedded") return { status: "not_configured" };
  const url = inngestUrl();
  const started = performance.now();
  try {
    // Any HTTP answer means reachable; only a network failure or timeout is "down".
    await fetch(url, { method: "GET", signal: AbortSignal.timeout(2_000) });
    return { status: "up", url, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: "down", url, error: error instanceof Error ? error.message : String(error) };
  }
}

async function executorStatus(handle: DatabaseHandle): Promise<SystemStatus["components"]["executor"]> {
  if (inngestMode() !== "embedded") return { status: "external", mode: "inngest" };
  const executor = getEmbeddedExecutor();
  if (!executor || executor.stopped)
    return { status: "down", mode: "embedded", error: "the embedded executor is not running in this process" };
  const rows = await handle.db
    .select({ status: pipelineRuns.status, n: count() })
    .from(pipelineRuns)
    .where(inArray(pipelineRuns.status, ACTIVE_RUN_STATUSES))
    .groupBy(pipelineRuns.status);
  return {
    status: "up",
    mode: "embedded",
    functions: executor.servedFunctions().map((f) => f.id),
    queued: rows.find((r) => r.status === "queued")?.n ?? 0,
    running: rows.find((r) => r.status === "running")?.n ?? 0,
  };
}

async function modelStatus(handle: DatabaseHandle, now: Date): Promise<SystemStatus["components"]["model"]> {
  const id = await getAliasTarget({ db: handle.db, alias: "champion" });
  if (id === null) return { status: "missing" };
  const summary = await getModelVersionSummaryById({ db: handle.db, id });
  if (!summary) return { status: "missing" };
  const metrics = metricsOf(summary);
  return {
    status: "up",
    version: summary.version,
    engine: summary.engine,
    createdAt: summary.createdAt.toISOString(),
    ageDays: Math.floor((now.getTime() - summary.createdAt.getTime()) / DAY),
    rps: modelRps(metrics),
    marketRps: metrics.pooled.scores.marketPreMatch?.rps ?? null,
    regimes: regimeScores(metrics),
  };
}

async function lastRuns(handle: DatabaseHandle): Promise<Record<PipelineName, LastRun | null>> {
  const entries = await Promise.all(
    PIPELINE_NAMES.map(async (fn) => {
      const [run] = await handle.db
        .select()
        .from(pipelineRuns)
        .where(eq(pipelineRuns.functionId, fn))
        .orderBy(desc(pipelineRuns.queuedAt))
        .limit(1);
      const view: LastRun | null = run
        ? {
            id: run.id,
            status: run.status,
            trigger: run.trigger,
            queuedAt: run.queuedAt.toISOString(),
            finishedAt: run.finishedAt?.toISOString() ?? null,
            durationMs: run.durationMs,
            error: run.error,
          }
        : null;
      return [fn, view] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<PipelineName, LastRun | null>;
}

/**
 * Every component's state. Never throws: a component that fails is reported `down` with its
 * error and the whole status is `degraded`.
 */
export async function getSystemStatus({ now = new Date() }: { now?: Date } = {}): Promise<SystemStatus> {
  const database = await getDatabaseStatus(getDatabase);
  const handle = database.status === "up" ? await getDatabase() : null;
  const noDb = async (): Promise<Down> => ({ status: "down", error: "database unavailable" });
  const [executor, inngest, model, data, pipelines] = await Promise.all([
    handle
      ? guard(() => executorStatus(handle)).then((r) => ("mode" in r ? r : { ...r, mode: "embedded" as const }))
      : noDb().then((r) => ({ ...r, mode: "embedded" as const })),
    inngestStatus(),
    handle ? guard(() => modelStatus(handle, now)) : noDb(),
    handle ? guard(() => checkDataFreshnessStep({ db: handle.db, now })) : noDb(),
    handle ? guard(() => lastRuns(handle)) : noDb(),
  ]);
  const components = { database, executor, inngest, model, data, pipelines } as SystemStatus["components"];
  const down = [database, executor, inngest, model, data, pipelines].some((c) => "status" in c && c.status === "down");
  return { status: down ? "degraded" : "ok", time: now.toISOString(), components };
}
