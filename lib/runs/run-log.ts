import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { pipelineRuns, runLogs } from "@/db/schema";
import { logger } from "@/lib/logger";
import { stepContext } from "./step-context";

export type RunLogLevel = "debug" | "info" | "warn" | "error";

/** Writes one line to the run's log (run_logs), tagged with the running step. */
export type RunLog = (level: RunLogLevel, message: string, data?: Record<string, unknown>) => Promise<void>;

/**
 * A log bound to a run. Each line goes to pino and to run_logs with the id of the step running
 * when it was written (none outside steps). Lines outside steps are dropped while `replaying()`:
 * every request re-runs the handler from the top, and a line must be written once. A run with
 * no row (a function tested alone) logs to pino only; a failed write is reported, never thrown.
 */
export function createRunLog({
  db,
  runId,
  replaying = () => false,
}: {
  /** The database, or a function that opens it (the SDK's middleware has no handle of its own). */
  db: Database | (() => Promise<Database>);
  runId: string;
  replaying?: () => boolean;
}): RunLog {
  const runLogger = logger.child({ runId });
  return async (level, message, data) => {
    const current = stepContext.getStore();
    const step = current?.runId === runId ? current : undefined;
    if (!step && replaying()) return;
    runLogger[level]({ step: step?.name, ...data }, message);
    try {
      const target = typeof db === "function" ? await db() : db;
      // insert … select … where exists: no run row, no log line (and no foreign-key error).
      await target.execute(sql`
        insert into ${runLogs} (run_id, step_id, level, message, data)
        select ${pipelineRuns.id}, ${step?.stepId ?? null}::text, ${level}::log_level, ${message}::text,
               ${data === undefined ? null : JSON.stringify(data)}::jsonb
        from ${pipelineRuns} where ${pipelineRuns.id} = ${runId}`);
    } catch (error) {
      runLogger.warn({ err: error }, "could not write a run log line");
    }
  };
}
