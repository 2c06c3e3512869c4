import { and, asc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ACTIVE_RUN_STATUSES } from "@/db/run-status";
import { pipelineRuns, type PipelineRun } from "@/db/schema";

export type RunExecutor = "embedded" | "inngest";
export type RunTrigger = "event" | "cron" | "manual";

export interface NewRun {
  id: string;
  functionId: string;
  trigger: RunTrigger;
  eventName: string;
  eventId: string;
  params: Record<string, unknown>;
  executor: RunExecutor;
  /** When the event happened; a resumed run rebuilds its event from this row. */
  queuedAt: Date;
  status?: "queued" | "running";
  ownerId?: string | null;
}

/** Records a run; `status` defaults to queued. */
export async function createRun({ db, ...run }: NewRun & { db: Database }): Promise<PipelineRun> {
  const running = run.status === "running";
  const [row] = await db
    .insert(pipelineRuns)
    .values({
      ...run,
      status: run.status ?? "queued",
      ownerId: run.ownerId ?? null,
      startedAt: running ? new Date() : null,
      heartbeatAt: running ? new Date() : null,
    })
    .returning();
  return row;
}

/** Records a run unless a row with its id exists (an executor that reports each request). */
export async function ensureRun({ db, ...run }: NewRun & { db: Database }): Promise<void> {
  const now = new Date();
  await db
    .insert(pipelineRuns)
    .values({ ...run, status: "running", startedAt: now, heartbeatAt: now })
    .onConflictDoNothing({ target: pipelineRuns.id });
}

export async function getRun({ db, id }: { db: Database; id: string }): Promise<PipelineRun | null> {
  const [row] = await db.select().from(pipelineRuns).where(eq(pipelineRuns.id, id));
  return row ?? null;
}

/** Takes a queued run for `ownerId`; null when another executor took it first. */
export async function claimQueuedRun({
  db,
  id,
  ownerId,
}: {
  db: Database;
  id: string;
  ownerId: string;
}): Promise<PipelineRun | null> {
  const now = new Date();
  const [row] = await db
    .update(pipelineRuns)
    .set({ status: "running", ownerId, startedAt: now, heartbeatAt: now })
    .where(and(eq(pipelineRuns.id, id), eq(pipelineRuns.status, "queued")))
    .returning();
  return row ?? null;
}

/** Runs left `running` by another owner whose heartbeat is older than `staleBefore`. */
export async function findAbandonedRuns({
  db,
  ownerId,
  staleBefore,
  executor,
}: {
  db: Database;
  ownerId: string;
  staleBefore: Date;
  executor: RunExecutor;
}) {
  return db
    .select()
    .from(pipelineRuns)
    .where(
      and(
        eq(pipelineRuns.status, "running"),
        eq(pipelineRuns.executor, executor),
        or(isNull(pipelineRuns.ownerId), ne(pipelineRuns.ownerId, ownerId)),
        or(isNull(pipelineRuns.heartbeatAt), lt(pipelineRuns.heartbeatAt, staleBefore)),
      ),
    )
    .orderBy(asc(pipelineRuns.queuedAt));
}

/** Moves an abandoned run to `ownerId` unless someone else claimed it since it was read. */
export async function claimAbandonedRun({
  db,
  run,
  ownerId,
}: {
  db: Database;
  run: PipelineRun;
  ownerId: string;
}): Promise<boolean> {
  const sameOwner = run.ownerId === null ? isNull(pipelineRuns.ownerId) : eq(pipelineRuns.ownerId, run.ownerId);
  const rows = await db
    .update(pipelineRuns)
    .set({ ownerId, heartbeatAt: new Date() })
    .where(and(eq(pipelineRuns.id, run.id), eq(pipelineRuns.status, "running"), sameOwner))
    .returning({ id: pipelineRuns.id });
  return rows.length === 1;
}

export async function findQueuedRuns({ db, executor }: { db: Database; executor: RunExecutor }) {
  return db
    .select()
    .from(pipelineRuns)
    .where(and(eq(pipelineRuns.status, "queued"), eq(pipelineRuns.executor, executor)))
    .orderBy(asc(pipelineRuns.queuedAt));
}

/** Queued or running runs of these functions, oldest first (for dispatch's dedupe). */
export async function findActiveRuns({ db, functionIds }: { db: Database; functionIds: string[] }) {
  if (functionIds.length === 0) return [];
  return db
    .select({ id: pipelineRuns.id, functionId: pipelineRuns.functionId, status: pipelineRuns.status })
    .from(pipelineRuns)
    .where(and(inArray(pipelineRuns.functionId, functionIds), inArray(pipelineRuns.status, ACTIVE_RUN_STATUSES)))
    .orderBy(asc(pipelineRuns.queuedAt));
}

/** Ids of functions that already have a run for this event id (an event id is sent once). */
export async function functionsWithEvent({ db, eventId }: { db: Database; eventId: string }): Promise<string[]> {
  const rows = await db
    .select({ functionId: pipelineRuns.functionId })
    .from(pipelineRuns)
    .where(eq(pipelineRuns.eventId, eventId));
  return rows.map((r) => r.functionId);
}

/** Marks every running run of `ownerId` alive. */
export async function heartbeat({ db, ownerId }: { db: Database; ownerId: string }): Promise<void> {
  await db
    .update(pipelineRuns)
    .set({ heartbeatAt: new Date() })
    .where(and(eq(pipelineRuns.ownerId, ownerId), eq(pipelineRuns.status, "running")));
}

/** The attempt of the run-level request (a function that throws outside any step). */
export async function setRunAttempt({ db, id, attempt }: { db: Database; id: string; attempt: number }): Promise<void> {
  await db.update(pipelineRuns).set({ attempt }).where(eq(pipelineRuns.id, id));
}

export async function completeRun({ db, id, output }: { db: Database; id: string; output: unknown }): Promise<void> {
  await finishRun(db, id, { status: "completed", output: output ?? null, error: null });
}

export async function failRun({ db, id, error }: { db: Database; id: string; error: string }): Promise<void> {
  await finishRun(db, id, { status: "failed", error });
}

async function finishRun(
  db: Database,
  id: string,
  fields: { status: "completed" | "failed"; output?: unknown; error: string | null },
) {
  const finishedAt = new Date();
  await db
    .update(pipelineRuns)
    .set({
      ...fields,
      finishedAt,
      durationMs: sql`greatest(0, round(extract(epoch from (${finishedAt.toISOString()}::timestamptz - coalesce(${pipelineRuns.startedAt}, ${pipelineRuns.queuedAt}))) * 1000))::int`,
    })
    .where(and(eq(pipelineRuns.id, id), inArray(pipelineRuns.status, ACTIVE_RUN_STATUSES)));
}
