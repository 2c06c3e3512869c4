/**
 * The values of the `run_status` enum (db/schema.ts declares the Postgres enum from this list).
 * No imports, so client components can read them too.
 */
export const RUN_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A run in these states still has work ahead: it counts as in progress for dedupe and status. */
export const ACTIVE_RUN_STATUSES = ["queued", "running"] as const satisfies readonly RunStatus[];

/** Every other status is final: the run will not change again. */
export const FINISHED_RUN_STATUSES = RUN_STATUSES.filter(
  (s): s is Exclude<RunStatus, (typeof ACTIVE_RUN_STATUSES)[number]> =>
    !(ACTIVE_RUN_STATUSES as readonly string[]).includes(s),
);

export function isFinishedRunStatus(status: string): boolean {
  return (FINISHED_RUN_STATUSES as readonly string[]).includes(status);
}
