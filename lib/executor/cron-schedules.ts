import { Cron } from "croner";
import type { ExecutorFunction } from "./function-config";

/** A cron trigger of a function with its upcoming run times. */
export interface CronSchedule {
  functionId: string;
  cron: string;
  timezone: string;
  /** False when SCHEDULES is off: the times are shown, nothing fires. */
  enabled: boolean;
  nextRuns: Date[];
}

/**
 * Splits Inngest's optional `TZ=Area/City ` (or `CRON_TZ=`) prefix from a cron expression.
 * Without one, Inngest reads crons in UTC, so the executor does too.
 */
export function parseCron(expression: string): { pattern: string; timezone: string } {
  const match = /^\s*(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(expression);
  return match ? { pattern: match[2].trim(), timezone: match[1] } : { pattern: expression.trim(), timezone: "UTC" };
}

/** The next `count` times a cron fires strictly after `from`. Throws on an invalid expression. */
export function nextCronRuns(expression: string, from: Date, count: number): Date[] {
  const { pattern, timezone } = parseCron(expression);
  const job = new Cron(pattern, { timezone, paused: true });
  try {
    return job.nextRuns(count, from);
  } finally {
    job.stop();
  }
}

/** Runs the cron triggers of the served functions in this process. */
export class CronScheduler {
  private jobs: Cron[] = [];

  constructor(
    private readonly functions: ExecutorFunction[],
    private readonly enabled: boolean,
    private readonly fire: (fn: ExecutorFunction, cron: string) => void,
  ) {}

  start(): void {
    if (!this.enabled) return;
    for (const fn of this.functions) {
      for (const cron of fn.crons) {
        const { pattern, timezone } = parseCron(cron);
        this.jobs.push(new Cron(pattern, { timezone, unref: true, catch: true }, () => this.fire(fn, cron)));
      }
    }
  }

  stop(): void {
    for (const job of this.jobs) job.stop();
    this.jobs = [];
  }

  /** Every cron trigger with its next `count` run times after `from`. */
  schedules(from = new Date(), count = 3): CronSchedule[] {
    return this.functions.flatMap((fn) =>
      fn.crons.map((cron) => ({
        functionId: fn.id,
        cron,
        timezone: parseCron(cron).timezone,
        enabled: this.enabled,
        nextRuns: nextCronRuns(cron, from, count),
      })),
    );
  }
}
