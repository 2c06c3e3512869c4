import type { Logger } from "pino";
import type { Database } from "@/db/client";
import type { PipelineRun } from "@/db/schema";
import type { Backoff } from "./backoff";
import type { ExecutorFunction } from "./function-config";
import type { CallRequest, InngestEvent } from "./protocol";
import type { ProtocolClient } from "./protocol-client";
import type { RunState } from "./run-state";

/** What driving one run needs; built by the executor for each run it takes. */
export interface DriveContext {
  db: Database;
  client: ProtocolClient;
  fn: ExecutorFunction;
  run: PipelineRun;
  event: InngestEvent;
  backoff: Backoff;
  /** A run stops (failed) after this many finished steps: a function that keeps finding new steps never ends. */
  maxSteps: number;
  logger: Logger;
  /** True once the executor stopped: results that arrive after that are not recorded. */
  stopped(): boolean;
  /** Waits `ms`, or less if the executor stops. */
  wait(ms: number): Promise<void>;
}

/** A call request for this run with its current memoised state. */
export function callRequest(ctx: DriveContext, state: RunState, stepId: string, attempt: number): CallRequest {
  return {
    functionId: ctx.fn.slug,
    stepId,
    event: ctx.event,
    runId: ctx.run.id,
    attempt,
    maxAttempts: ctx.fn.maxAttempts,
    steps: state.steps,
    stack: state.stack,
    disableImmediateExecution: state.disableImmediateExecution,
  };
}
