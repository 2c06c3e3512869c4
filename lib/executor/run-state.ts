import type { RunStep } from "@/db/schema";
import { StepOpCode, type MemoizedStep, type SerializedError } from "./protocol";

/** What the database knows of a run's steps, in the shape call requests need. */
export interface RunState {
  /** Memoised results by hashed step id: finished steps' data, failed steps' final errors. */
  steps: Record<string, MemoizedStep>;
  /** Finished step ids in the order they finished. */
  stack: string[];
  /** Steps that errored, have not finished, and wait for their next attempt (after a restart). */
  retrying: { stepId: string; name: string; op: string; attemptsSpent: number }[];
  /** Sleeps not yet over. */
  sleeping: { stepId: string; name: string; wakeAt: Date; startedAt: Date }[];
  /** Once steps were planned in parallel, the SDK must plan every later step too (spec 5.5). */
  disableImmediateExecution: boolean;
}

/** Rebuilds a run's memoised state from its run_steps rows. */
export function buildRunState(rows: RunStep[]): RunState {
  const finished = rows
    .filter((r) => r.status === "completed" || r.status === "failed")
    .sort((a, b) => (a.finishedAt?.getTime() ?? 0) - (b.finishedAt?.getTime() ?? 0) || a.id - b.id);
  const steps: Record<string, MemoizedStep> = {};
  for (const row of finished) {
    steps[row.stepId] =
      row.status === "completed"
        ? { type: "data", data: row.output ?? null }
        : { type: "error", error: storedError(row) };
  }
  const retrying = new Map<string, RunState["retrying"][number]>();
  for (const row of rows) {
    if (steps[row.stepId] || row.status !== "errored") continue;
    const spent = Math.max(retrying.get(row.stepId)?.attemptsSpent ?? 0, row.attempt + 1);
    retrying.set(row.stepId, {
      stepId: row.stepId,
      name: row.name,
      op: row.op ?? StepOpCode.StepPlanned,
      attemptsSpent: spent,
    });
  }
  const sleeping = rows
    .filter((r) => r.status === "sleeping" && !steps[r.stepId])
    .map((r) => ({
      stepId: r.stepId,
      name: r.name,
      wakeAt: new Date(String((r.output as { wakeAt?: string } | null)?.wakeAt)),
      startedAt: r.startedAt,
    }));
  return {
    steps,
    stack: finished.map((r) => r.stepId),
    retrying: [...retrying.values()],
    sleeping,
    disableImmediateExecution: rows.some((r) => r.op === StepOpCode.StepPlanned),
  };
}

function storedError(row: RunStep): SerializedError {
  const output = row.output as Partial<SerializedError> | null;
  if (output && typeof output.message === "string")
    return { name: output.name ?? "Error", message: output.message, stack: output.stack };
  return { name: "Error", message: row.error ?? "Step failed" };
}
