import { and, asc, count, desc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { pipelineRuns, runLogs, runSteps, type PipelineRun, type RunLog } from "@/db/schema";

export const runSortColumns = ["queuedAt", "startedAt", "finishedAt", "durationMs", "functionId", "status"] as const;
export type RunSortColumn = (typeof runSortColumns)[number];
export type RunStatus = PipelineRun["status"];

export interface ListRunsInput {
  db: Database;
  functionId?: string;
  status?: RunStatus;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Default: newest first (`queuedAt` descending). */
  sort?: { column: RunSortColumn; direction: "asc" | "desc" };
}

export interface RunPage {
  rows: PipelineRun[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** One page of runs, filtered by function and status, sorted by one column (ties: newest first). */
export async function listRuns({ db, functionId, status, page, pageSize, sort }: ListRunsInput): Promise<RunPage> {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be an integer ≥ 1 (got ${page})`);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500)
    throw new RangeError(`pageSize must be an integer from 1 to 500 (got ${pageSize})`);
  const filters: SQL[] = [];
  if (functionId) filters.push(eq(pipelineRuns.functionId, functionId));
  if (status) filters.push(eq(pipelineRuns.status, status));
  const where = filters.length ? and(...filters) : undefined;
  const column = pipelineRuns[sort?.column ?? "queuedAt"];
  // Runs not started or not finished have no times yet: they go last either way.
  const order = (sort?.direction ?? "desc") === "asc" ? sql`${column} asc nulls last` : sql`${column} desc nulls last`;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(pipelineRuns)
      .where(where)
      .orderBy(order, desc(pipelineRuns.queuedAt), desc(pipelineRuns.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(pipelineRuns).where(where),
  ]);
  return { rows, total, page, pageSize, pageCount: Math.ceil(total / pageSize) };
}

// Step outputs can be large (memoised data); the run view shows the summary unless asked.
const { output: _output, ...stepColumnsWithoutOutput } = getTableColumns(runSteps);

export type RunStepView = Omit<typeof runSteps.$inferSelect, "output"> & { output?: unknown };

export interface RunDetail {
  run: PipelineRun;
  /** Every attempt of every step, in the order they started. */
  steps: RunStepView[];
  logs: RunLog[];
}

/** A run with its step attempts and log lines; null when no run has this id. */
export async function getRunById({
  db,
  id,
  includeStepOutput = false,
}: {
  db: Database;
  id: string;
  includeStepOutput?: boolean;
}): Promise<RunDetail | null> {
  const [run] = await db.select().from(pipelineRuns).where(eq(pipelineRuns.id, id));
  if (!run) return null;
  const stepColumns = includeStepOutput ? getTableColumns(runSteps) : stepColumnsWithoutOutput;
  const [steps, logs] = await Promise.all([
    db
      .select(stepColumns)
      .from(runSteps)
      .where(eq(runSteps.runId, id))
      .orderBy(asc(runSteps.startedAt), asc(runSteps.id)),
    db.select().from(runLogs).where(eq(runLogs.runId, id)).orderBy(asc(runLogs.at), asc(runLogs.id)),
  ]);
  return { run, steps, logs };
}

/** A small view of a run for the live trigger buttons, polled until the run ends. */
export interface RunProgress {
  id: string;
  functionId: string;
  status: RunStatus;
  queuedAt: Date;
  startedAt: Date | null;
  durationMs: number | null;
  error: string | null;
  stepsCompleted: number;
  attemptsFailed: number;
  /** The step attempt started last, as the run's current (or final) position. */
  lastStep: string | null;
  lastLog: { level: string; message: string } | null;
}

// Qualified by hand: inside a selection drizzle writes bare column names, which a correlated
// subquery would read as its own table's.
const steps = sql.raw(`from "run_steps" s where s."run_id" = "pipeline_runs"."id"`);
const lastLog = sql.raw(
  `(select json_build_object('level', l."level", 'message', l."message") from "run_logs" l
    where l."run_id" = "pipeline_runs"."id" order by l."at" desc, l."id" desc limit 1)`,
);

/** A run's progress in one query: counts and the latest step and log line, without reading every line. */
export async function getRunProgress({ db, id }: { db: Database; id: string }): Promise<RunProgress | null> {
  const [row] = await db
    .select({
      id: pipelineRuns.id,
      functionId: pipelineRuns.functionId,
      status: pipelineRuns.status,
      queuedAt: pipelineRuns.queuedAt,
      startedAt: pipelineRuns.startedAt,
      durationMs: pipelineRuns.durationMs,
      error: pipelineRuns.error,
      stepsCompleted: sql<number>`(select count(*) ${steps} and s."status" = 'completed')`.mapWith(Number),
      attemptsFailed: sql<number>`(select count(*) ${steps} and s."status" in ('failed', 'errored'))`.mapWith(Number),
      lastStep: sql<string | null>`(select s."name" ${steps} order by s."started_at" desc, s."id" desc limit 1)`,
      lastLog: sql<RunProgress["lastLog"]>`${lastLog}`,
    })
    .from(pipelineRuns)
    .where(eq(pipelineRuns.id, id));
  return row ?? null;
}
