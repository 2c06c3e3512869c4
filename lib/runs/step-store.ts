import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { runSteps, type RunStep } from "@/db/schema";
import { summarizeOutput } from "./output-summary";

export type StepStatus = RunStep["status"];

export interface StepAttempt {
  runId: string;
  /** The SDK's hashed step id: the key of memoised state. */
  stepId: string;
  name: string;
  /** How the step was reported: StepRun (ran at once), StepPlanned (planned, then run), Sleep… */
  op: string;
  attempt: number;
  status: StepStatus;
  startedAt: Date;
  finishedAt?: Date | null;
  /** Full output, replayed to the function on later requests; for a failed step, its error. */
  output?: unknown;
  outputSummary?: string | null;
  error?: string | null;
}

/** Writes one attempt of one step; writing the same attempt again updates it. */
export async function recordStepAttempt({ db, ...attempt }: StepAttempt & { db: Database }): Promise<void> {
  const finishedAt = attempt.finishedAt ?? null;
  const values = {
    ...attempt,
    output: attempt.output === undefined ? null : attempt.output,
    outputSummary:
      attempt.outputSummary !== undefined
        ? attempt.outputSummary
        : attempt.status === "completed"
          ? summarizeOutput(attempt.output)
          : null,
    error: attempt.error ?? null,
    finishedAt,
    durationMs: finishedAt ? Math.max(0, finishedAt.getTime() - attempt.startedAt.getTime()) : null,
  };
  await db
    .insert(runSteps)
    .values(values)
    .onConflictDoUpdate({
      target: [runSteps.runId, runSteps.stepId, runSteps.attempt],
      set: {
        name: values.name,
        op: values.op,
        status: values.status,
        output: sql`excluded.output`,
        outputSummary: values.outputSummary,
        error: values.error,
        finishedAt: values.finishedAt,
        durationMs: values.durationMs,
      },
    });
}

/** Every attempt of every step of a run, in the order they started. */
export async function listRunSteps({ db, runId }: { db: Database; runId: string }): Promise<RunStep[]> {
  return db.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.startedAt), asc(runSteps.id));
}
