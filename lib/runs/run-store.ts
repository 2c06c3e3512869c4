import { and, asc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pipelineRuns, type PipelineRun } from "@/db/schema";

export type RunExecutor = "embedded" | "inngest" | "cli";
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
export async function createRun(run: NewRun): Promise<PipelineRun> {
  const db = await getDb();
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
export async function ensureRun(run: NewRun): Promise<void> {
  const db = await getDb();
  const now = new Date();
  await db
    .insert(pipelineRuns)
    .values({ ...run, status: "running", startedAt: now, heartbeatAt: now })
    .onConflictDoNothing({ target: pipelineRuns.id });
}

export async function getRun({ id }: { id: string }): Promise<PipelineRun | null> {
  const db = await getDb();
  const [row] = await db.select().from(pipelineRuns).where(eq(pipelineRuns.id, id));
  return row ?? null;
}

/** Takes a queued run for `ownerId`; null when another executor took it first. */
export async function claimQueuedRun({ id, ownerId }: { id: string; ownerId: string }): Promise<PipelineRun | null> {
  const db = await getDb();
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
  ownerId,
  staleBefore,
  executor,
}: {
  ownerId: string;
  staleBefore: Date;
  executor: RunExecutor;
}) {
  const db = await getDb();
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
export async function claimAbandonedRun({ run, ownerId }: { run: PipelineRun; ownerId: string }): Promise<boolean> {
  const db = await getDb();
  const sameOwner = run.ownerId === null ? isNull(pipelineRuns.ownerId) : eq(pipelineRuns.ownerId, run.ownerId);
  const rows = await db
    .update(pipelineRuns)
    .set({ ownerId, heartbeatAt: new Date() })
    .where(and(eq(pipelineRuns.id, run.id), eq(pipelineRuns.status, "running"), sameOwner))
    .returning({ id: pipelineRuns.id });
  return rows.length === 1;
}

export async function findQueuedRuns({ executor }: { executor: RunExecutor }) {
  const db = await getDb();
  return db
    .select()
    .from(pipelineRuns)
    .where(and(eq(pipelineRuns.status, "queued"), eq(pipelineRuns.executor, executor)))
    .orderBy(asc(pipelineRuns.queuedAt));
}

/** Queued or running runs of these functions, oldest first (for dispatch's dedupe). */
export async function findActiveRuns({ functionIds }: { functionIds: string[] }) {
  if (functionIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({ id: pipelineRuns.id, functionId: pipelineRuns.functionId, status: pipelineRuns.status })
    .from(pipelineRuns)
    .where(and(inArray(pipelineRuns.functionId, functionIds), inArray(pipelineRuns.status, ["queued", "running"])))
    .orderBy(asc(pipelineRuns.queuedAt));
}

/** Ids of functions that already have a run for this event id (an event id is sent once). */
export async function functionsWithEvent({ eventId }: { eventId: string }): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ functionId: pipelineRuns.functionId })
    .from(pipelineRuns)
    .where(eq(pipelineRuns.eventId, eventId));
  return rows.map((r) => r.functionId);
}

/** Marks every running run of `ownerId` alive. */
export async function heartbeat({ ownerId }: { ownerId: string }): Promise<void> {
  const db = await getDb();
  await db
    .update(pipelineRuns)
    .set({ heartbeatAt: new Date() })
    .where(and(eq(pipelineRuns.ownerId, ownerId), eq(pipelineRuns.status, "running")));
}

/** The attempt of the run-level request (a function that throws outside any step). */
export async function setRunAttempt({ id, attempt }: { id: string; attempt: number }): Promise<void> {
  const db = await getDb();
  await db.update(pipelineRuns).set({ attempt }).where(eq(pipelineRuns.id, id));
}

export async function completeRun({ id, output }: { id: string; output: unknown }): Promise<void> {
  await finishRun(id, { status: "completed", output: output ?? null, error: null });
}

export async function failRun({ id, error }: { id: string; error: string }): Promise<void> {
  await finishRun(id, { status: "failed", error });
}

async function finishRun(
  id: string,
  fields: { status: "completed" | "failed"; output?: unknown; error: string | null },
) {
  const db = await getDb();
  const finishedAt = new Date();
  await db
    .update(pipelineRuns)
    .set({
      ...fields,
      finishedAt,
      durationMs: sql`greatest(0, round(extract(epoch from (${finishedAt.toISOString()}::timestamptz - coalesce(${pipelineRuns.startedAt}, ${pipelineRuns.queuedAt}))) * 1000))::int`,
    })
    .where(and(eq(pipelineRuns.id, id), inArray(pipelineRuns.status, ["queued", "running"])));
}
