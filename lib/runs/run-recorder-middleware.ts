import { Middleware } from "inngest";
import { getDb } from "@/db/client";
import { CRON_EVENT_NAME } from "@/lib/executor/protocol";
import { errorText } from "./run-errors";
import { completeRun, ensureRun, failRun, type RunExecutor } from "./run-store";
import { recordStepAttempt } from "./step-store";

interface RecorderOptions {
  /** Recorded on each run's row. */
  executor: RunExecutor;
  /** False under the embedded executor, which records runs itself. */
  enabled: () => boolean;
}

/**
 * Records runs, step attempts and outcomes in Postgres from inside the SDK, for executors that
 * do not record them (Inngest Cloud, `inngest dev`, `inngest start`). Only step.run and
 * step.sendEvent steps are seen; sleeps and waits happen on the Inngest server.
 */
export function runRecorderMiddleware({ executor, enabled }: RecorderOptions) {
  return class RunRecorderMiddleware extends Middleware.BaseMiddleware {
    readonly id = "pl-mlops:run-recorder";
    private readonly stepStarts = new Map<string, Date>();

    async transformFunctionInput(
      arg: Middleware.TransformFunctionInputArgs,
    ): Promise<Middleware.TransformFunctionInputArgs> {
      if (!enabled()) return arg;
      const { ctx, fn } = arg;
      const cron = ctx.event.name === CRON_EVENT_NAME;
      await ensureRun({
        db: await getDb(),
        id: ctx.runId,
        functionId: fn.id(),
        trigger: cron ? "cron" : "event",
        eventName: ctx.event.name,
        eventId: ctx.event.id ?? ctx.runId,
        params: (ctx.event.data ?? {}) as Record<string, unknown>,
        executor,
        queuedAt: new Date(ctx.event.ts ?? Date.now()),
      });
      return arg;
    }

    async onStepStart({ ctx, stepInfo }: Middleware.OnStepStartArgs): Promise<void> {
      if (!enabled()) return;
      const startedAt = new Date();
      this.stepStarts.set(stepInfo.hashedId, startedAt);
      await recordStepAttempt({ db: await getDb(), ...this.stepKey(ctx, stepInfo), status: "running", startedAt });
    }

    async onStepComplete({ ctx, stepInfo, output }: Middleware.OnStepCompleteArgs): Promise<void> {
      if (!enabled()) return;
      await recordStepAttempt({
        db: await getDb(),
        ...this.stepKey(ctx, stepInfo),
        status: "completed",
        output: output ?? null,
        ...this.timing(stepInfo.hashedId),
      });
    }

    async onStepError({ ctx, stepInfo, error, isFinalAttempt }: Middleware.OnStepErrorArgs): Promise<void> {
      if (!enabled()) return;
      await recordStepAttempt({
        db: await getDb(),
        ...this.stepKey(ctx, stepInfo),
        status: isFinalAttempt ? "failed" : "errored",
        output: isFinalAttempt ? { name: error.name, message: error.message } : undefined,
        error: errorText(error),
        ...this.timing(stepInfo.hashedId),
      });
    }

    async onRunComplete({ ctx, output }: Middleware.OnRunCompleteArgs): Promise<void> {
      if (enabled()) await completeRun({ db: await getDb(), id: ctx.runId, output });
    }

    async onRunError({ ctx, error, isFinalAttempt }: Middleware.OnRunErrorArgs): Promise<void> {
      if (enabled() && isFinalAttempt) await failRun({ db: await getDb(), id: ctx.runId, error: errorText(error) });
    }

    private stepKey(
      ctx: { runId: string; attempt: number },
      stepInfo: Pick<Middleware.StepInfo, "hashedId"> & { options: { id: string; name?: string } },
    ) {
      return {
        runId: ctx.runId,
        stepId: stepInfo.hashedId,
        name: stepInfo.options.name ?? stepInfo.options.id,
        op: "StepRun",
        attempt: ctx.attempt,
      };
    }

    private timing(stepId: string) {
      return { startedAt: this.stepStarts.get(stepId) ?? new Date(), finishedAt: new Date() };
    }
  };
}
