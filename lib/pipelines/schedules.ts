import type { CronSchedule } from "@/lib/executor/cron-schedules";
import { currentRunner } from "./current-runner";

export type { CronSchedule };

/**
 * Every cron trigger of the served functions with its next run times, for the dashboard.
 * Embedded: the executor's schedules (`enabled` follows SCHEDULES). With Inngest, the times the
 * crons are due; Inngest runs them, so they are reported enabled.
 */
export async function listSchedules({ from = new Date(), count = 3 }: { from?: Date; count?: number } = {}): Promise<
  CronSchedule[]
> {
  return currentRunner().schedules(from, count);
}
