import { CronScheduler, type CronSchedule } from "@/lib/executor/cron-schedules";
import { getEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { inngestMode } from "./inngest-mode";
import { readServedFunctions } from "./served-functions";

export type { CronSchedule };

/**
 * Every cron trigger of the served functions with its next run times, for the dashboard.
 * Embedded: the executor's schedules (`enabled` follows SCHEDULES). With Inngest, the times
 * the crons are due; Inngest runs them, so they are reported enabled.
 */
export async function listSchedules({ from = new Date(), count = 3 }: { from?: Date; count?: number } = {}): Promise<
  CronSchedule[]
> {
  if (inngestMode() === "embedded") {
    const executor = getEmbeddedExecutor();
    if (!executor) throw new Error("No Inngest is configured and the embedded executor is not running in this process");
    return executor.cronSchedules(from, count);
  }
  return new CronScheduler(await readServedFunctions(), true, () => undefined).schedules(from, count);
}
