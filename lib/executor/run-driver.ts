import { completeRun, failRun, setRunAttempt } from "@/lib/runs/run-store";
import { errorText } from "@/lib/runs/run-errors";
import { createRunLog } from "@/lib/runs/run-log";
import { listRunSteps } from "@/lib/runs/step-store";
import { retryDelay } from "./backoff";
import { callRequest, type DriveContext } from "./drive-context";
import { StepOpCode, type SerializedError, type StepOp } from "./protocol";
import { buildRunState, type RunState } from "./run-state";
import { runStep } from "./step-runner";
import { settleSleeps, startSleep } from "./sleeps";

export type DriveOutcome =
  | { kind: "completed"; output: unknown }
  | { kind: "failed"; error: SerializedError }
  | { kind: "sleeping"; wakeAt: Date }
  | { kind: "abandoned" };

const immediateOps = new Set<string>([StepOpCode.StepRun, StepOpCode.StepError, StepOpCode.StepFailed]);
const plannableOps = new Set<string>([StepOpCode.StepPlanned, StepOpCode.Sleep]);

/**
 * Drives a claimed run until it completes, fails, sleeps, or the executor stops: replays the
 * memoised steps from the database on every request, runs what the SDK reports, records it.
 */
export async function driveRun(ctx: DriveContext): Promise<DriveOutcome> {
  let attempt = ctx.run.attempt;
  for (;;) {
    const state = await loadState(ctx);
    const pending = await resumePending(ctx, state);
    if (pending) return pending;
    if (state.sleeping.length || state.retrying.length) continue;
    if (state.stack.length >= ctx.maxSteps) {
      return finish(ctx, {
        kind: "failed",
        error: { name: "StepLimitExceeded", message: `The run reached ${ctx.maxSteps} steps, the limit per run` },
      });
    }

    const startedAt = new Date();
    const result = await ctx.client.call(callRequest(ctx, state, "step", attempt));
    if (ctx.stopped()) return { kind: "abandoned" };

    if (result.kind === "completed") return finish(ctx, { kind: "completed", output: result.output });
    if (result.kind === "rejected") {
      if (result.retriable && attempt + 1 < ctx.fn.maxAttempts) {
        attempt += 1;
        await setRunAttempt({ db: ctx.db, id: ctx.run.id, attempt });
        // Errors outside steps leave no step row; the run's log keeps each failed attempt.
        await createRunLog({ db: ctx.db, runId: ctx.run.id })("warn", `attempt ${attempt - 1} failed; retrying`, {
          error: errorText(result.error),
        });
        await ctx.wait(retryDelay(ctx.backoff, attempt, result.retryAfter));
        if (ctx.stopped()) return { kind: "abandoned" };
        continue;
      }
      return finish(ctx, { kind: "failed", error: result.error });
    }

    const ops = result.ops;
    const complete = ops.find((op) => op.op === StepOpCode.RunComplete);
    if (complete) return finish(ctx, { kind: "completed", output: complete.data ?? null });
    // A step reported again although its result was sent: the function is not deterministic,
    // and running the step again would loop forever.
    const repeated = ops.find((op) => state.steps[op.id]);
    if (repeated) return finish(ctx, { kind: "failed", error: nonDeterministic(repeated) });
    if (ops.length === 1 && immediateOps.has(ops[0].op)) {
      const outcome = await runStep(ctx, state, ops[0], StepOpCode.StepRun, attempt, { result, startedAt });
      if (outcome === "abandoned") return { kind: "abandoned" };
    } else {
      const unsupported = ops.find((op) => !plannableOps.has(op.op));
      if (unsupported) return finish(ctx, { kind: "failed", error: unsupportedOp(unsupported) });
      const outcomes = await Promise.all(
        ops.map((op) =>
          op.op === StepOpCode.Sleep ? startSleep(ctx, state, op) : runStep(ctx, state, op, StepOpCode.StepPlanned, 0),
        ),
      );
      if (outcomes.includes("abandoned")) return { kind: "abandoned" };
    }
    if (attempt !== 0) {
      attempt = 0;
      await setRunAttempt({ db: ctx.db, id: ctx.run.id, attempt });
    }
  }
}

async function loadState(ctx: DriveContext): Promise<RunState> {
  return buildRunState(await listRunSteps({ db: ctx.db, runId: ctx.run.id }));
}

/**
 * Work the database says is unfinished, done before discovering more: sleeps (over or not)
 * and steps that errored and have retries left (after a restart).
 */
async function resumePending(ctx: DriveContext, state: RunState): Promise<DriveOutcome | null> {
  if (state.sleeping.length) {
    const wakeAt = await settleSleeps(ctx, state);
    return wakeAt ? { kind: "sleeping", wakeAt } : null;
  }
  for (const step of state.retrying) {
    const op = { id: step.stepId, op: StepOpCode.StepPlanned, displayName: step.name };
    const outcome = await runStep(ctx, state, op, step.op, step.attemptsSpent);
    if (outcome === "abandoned") return { kind: "abandoned" };
  }
  return null;
}

async function finish(ctx: DriveContext, outcome: DriveOutcome): Promise<DriveOutcome> {
  if (ctx.stopped()) return { kind: "abandoned" };
  if (outcome.kind === "completed") await completeRun({ db: ctx.db, id: ctx.run.id, output: outcome.output });
  if (outcome.kind === "failed") await failRun({ db: ctx.db, id: ctx.run.id, error: errorText(outcome.error) });
  return outcome;
}

function nonDeterministic(op: StepOp): SerializedError {
  return {
    name: "NonDeterministicFunction",
    message: `Step "${op.displayName ?? op.name ?? op.id}" was reported again after it finished; step ids must be the same on every request`,
  };
}

function unsupportedOp(op: StepOp): SerializedError {
  return {
    name: "UnsupportedStep",
    message: `The embedded executor cannot run ${op.op} (step "${op.displayName ?? op.name ?? op.id}"); run this function on Inngest (set INNGEST_DEV or INNGEST_EVENT_KEY)`,
  };
}
