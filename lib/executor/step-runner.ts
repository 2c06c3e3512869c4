import { errorText } from "@/lib/runs/run-errors";
import { recordStepAttempt } from "@/lib/runs/step-store";
import { retryDelay } from "./backoff";
import { callRequest, type DriveContext } from "./drive-context";
import { StepOpCode, type CallResult, type SerializedError, type StepOp } from "./protocol";
import type { RunState } from "./run-state";

export type StepOutcome = "finished" | "abandoned";

/** A result already in hand: the op of a step the SDK ran during a discovery request. */
export interface FirstAttempt {
  result: CallResult;
  startedAt: Date;
}

/**
 * Runs one step to its end: records each attempt, retries a StepError with backoff while
 * attempts remain, and records the final data (StepRun) or final error (StepFailed). The
 * memoised result is then in the database for the next request.
 */
export async function runStep(
  ctx: DriveContext,
  state: RunState,
  op: StepOp,
  reportedAs: string,
  startAttempt: number,
  first?: FirstAttempt,
): Promise<StepOutcome> {
  const name = op.displayName ?? op.name ?? op.id;
  let pending = first;
  for (let attempt = startAttempt; ; attempt++) {
    const startedAt = pending?.startedAt ?? new Date();
    const base = { db: ctx.db, runId: ctx.run.id, stepId: op.id, name, op: reportedAs, attempt, startedAt };
    if (!pending) await recordStepAttempt({ ...base, status: "running" });
    const result = pending?.result ?? (await ctx.client.call(callRequest(ctx, state, op.id, attempt)));
    pending = undefined;
    if (ctx.stopped()) return "abandoned";
    const finishedAt = new Date();

    const answer = stepAnswer(result, op.id);
    if (answer.kind === "data") {
      await recordStepAttempt({ ...base, status: "completed", output: answer.data ?? null, finishedAt });
      return "finished";
    }
    const lastAttempt = attempt + 1 >= ctx.fn.maxAttempts;
    if (answer.final || lastAttempt) {
      await recordStepAttempt({
        ...base,
        status: "failed",
        output: answer.error,
        error: errorText(answer.error),
        finishedAt,
      });
      ctx.logger.warn({ runId: ctx.run.id, step: name, attempt, error: answer.error.message }, "step failed");
      return "finished";
    }
    await recordStepAttempt({ ...base, status: "errored", error: errorText(answer.error), finishedAt });
    const delay = retryDelay(ctx.backoff, attempt + 1, answer.retryAfter);
    ctx.logger.info(
      { runId: ctx.run.id, step: name, attempt, delayMs: delay, error: answer.error.message },
      "step errored; retrying",
    );
    await ctx.wait(delay);
    if (ctx.stopped()) return "abandoned";
  }
}

type StepAnswer =
  { kind: "data"; data: unknown } | { kind: "error"; error: SerializedError; final: boolean; retryAfter?: Date };

// What a request to run one step said about that step.
function stepAnswer(result: CallResult, stepId: string): StepAnswer {
  if (result.kind === "rejected")
    return { kind: "error", error: result.error, final: !result.retriable, retryAfter: result.retryAfter };
  if (result.kind === "completed") {
    return {
      kind: "error",
      final: false,
      error: { name: "ProtocolError", message: "The function completed while a step was expected to run" },
    };
  }
  const op = result.ops.find((o) => o.id === stepId);
  if (op?.op === StepOpCode.StepRun) return { kind: "data", data: op.data };
  if (op?.op === StepOpCode.StepError || op?.op === StepOpCode.StepFailed) {
    return {
      kind: "error",
      final: op.op === StepOpCode.StepFailed,
      retryAfter: result.retryAfter,
      error: op.error ?? { name: "Error", message: "Step failed without an error" },
    };
  }
  return {
    kind: "error",
    final: false,
    error: {
      name: "ProtocolError",
      message: `Expected the result of step ${stepId}; got ${result.ops.map((o) => o.op).join(", ") || "no ops"}`,
    },
  };
}
