/** The event of a run started by a cron trigger (Inngest's own name). */
export const CRON_EVENT_NAME = "inngest/scheduled.timer";

/** A serve handler as a plain function of a Web Request (the route's `POST`/`PUT` in one). */
export type ServeEndpoint = (request: Request) => Promise<Response>;

/** An error as the SDK serialises it. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

/** One op of a 206 answer (SDK spec 5.1.1), with the fields the installed SDK v4 adds. */
export interface StepOp {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown>;
  data?: unknown;
  error?: SerializedError;
  userland?: { id: string; index?: number };
}

/** Memoised state of one step, as sent back in `steps`. */
export type MemoizedStep = { type: "data"; data: unknown } | { type: "error"; error: SerializedError };

/** Everything one call request needs (SDK spec 4.4.1). */
export interface CallRequest {
  functionId: string;
  /** `"step"` to discover (and possibly run) the next step, or a hashed step id to run it. */
  stepId: string;
  event: InngestEvent;
  runId: string;
  attempt: number;
  maxAttempts: number;
  steps: Record<string, MemoizedStep>;
  /** Hashed ids of finished steps in the order they finished (SDK spec 5.4). */
  stack: string[];
  disableImmediateExecution: boolean;
}

/** An event as functions receive it. `ts` is milliseconds since the epoch. */
export interface InngestEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

/** What a call request answered. */
export type CallResult =
  | { kind: "ops"; ops: StepOp[]; retryAfter?: Date }
  | { kind: "completed"; output: unknown }
  | { kind: "rejected"; error: SerializedError; retriable: boolean; retryAfter?: Date; status: number };

export const StepOpCode = {
  StepRun: "StepRun",
  StepError: "StepError",
  StepFailed: "StepFailed",
  StepPlanned: "StepPlanned",
  Sleep: "Sleep",
  RunComplete: "RunComplete",
} as const;
