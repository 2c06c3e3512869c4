import { processSlot } from "@/lib/process-slot";
import type { CronSchedule } from "./cron-schedules";
import type { EventInput } from "./event-input";
import type { ExecutorFunction } from "./function-config";

export interface DispatchOptions {
  /** Return the queued or running run of a target function instead of starting another. */
  dedupe?: boolean;
  /** Recorded on the run: `manual` for user-triggered runs. Default `event`. */
  trigger?: "event" | "manual";
}

export interface DispatchResult {
  executor: "embedded" | "inngest";
  eventIds: string[];
  /** Runs created or, with `dedupe`, found. Empty when no function is triggered by the event. */
  runIds: string[];
  /** The subset of `runIds` that already existed (dedupe). */
  existingRunIds: string[];
}

/** Who runs this process's pipelines: the embedded executor, or an Inngest server. */
export interface Runner {
  readonly kind: DispatchResult["executor"];
  /** Sends events; each starts a run of every function it triggers. */
  dispatch(event: EventInput | EventInput[], options?: DispatchOptions): Promise<DispatchResult>;
  /** The served functions, as the serve handler registers them. */
  functions(): Promise<readonly ExecutorFunction[]>;
  /** Cron triggers with their next run times. */
  schedules(from: Date, count: number): Promise<CronSchedule[]>;
}

const current = processSlot<Runner>("runner");

/** The runner this process started, if any. */
export function getRunner(): Runner | undefined {
  return current.get();
}

/** Makes `runner` this process's runner (undefined: none). */
export function setRunner(runner: Runner | undefined): void {
  current.set(runner);
}
