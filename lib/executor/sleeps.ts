import { recordStepAttempt } from "@/lib/runs/step-store";
import type { DriveContext } from "./drive-context";
import { StepOpCode, type StepOp } from "./protocol";
import type { RunState } from "./run-state";
import type { StepOutcome } from "./step-runner";
import { sleepUntil } from "./time-string";

/**
 * Records a Sleep op with its wake-up time, so that a restarted executor still wakes the run.
 * A sleep the database already knows keeps its original wake-up time.
 */
export async function startSleep(ctx: DriveContext, state: RunState, op: StepOp): Promise<StepOutcome> {
  if (state.sleeping.some((s) => s.stepId === op.id)) return "finished";
  const duration = typeof op.opts?.duration === "string" ? op.opts.duration : op.name;
  if (!duration) throw new Error(`Sleep op ${op.id} has no duration`);
  const startedAt = new Date();
  const wakeAt = sleepUntil(duration, startedAt);
  await recordStepAttempt({
    db: ctx.db,
    runId: ctx.run.id,
    stepId: op.id,
    name: op.displayName ?? op.id,
    op: StepOpCode.Sleep,
    attempt: 0,
    status: "sleeping",
    startedAt,
    output: { wakeAt: wakeAt.toISOString() },
    outputSummary: `sleeping until ${wakeAt.toISOString()}`,
  });
  return "finished";
}

/**
 * Ends every sleep whose time has come (its memoised result is null, SDK spec 5.3.2) and
 * returns the earliest wake-up time still ahead, or null when none is.
 */
export async function settleSleeps(ctx: DriveContext, state: RunState, now = new Date()): Promise<Date | null> {
  let next: Date | null = null;
  for (const sleep of state.sleeping) {
    const wakeAt = Number.isNaN(sleep.wakeAt.getTime()) ? now : sleep.wakeAt;
    if (wakeAt > now) {
      if (!next || wakeAt < next) next = wakeAt;
      continue;
    }
    await recordStepAttempt({
      db: ctx.db,
      runId: ctx.run.id,
      stepId: sleep.stepId,
      name: sleep.name,
      op: StepOpCode.Sleep,
      attempt: 0,
      status: "completed",
      startedAt: sleep.startedAt,
      finishedAt: now,
      output: null,
      outputSummary: `slept until ${wakeAt.toISOString()}`,
    });
  }
  return next;
}
