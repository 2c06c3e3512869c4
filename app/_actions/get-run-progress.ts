"use server";

import { z } from "zod";
import { getRunById } from "@/lib/runs/run-queries";
import { failure, ok, type ActionResult } from "./action-result";

export interface RunProgress {
  id: string;
  functionId: string;
  status: "queued" | "running" | "completed" | "failed" | "cancelled";
  queuedAt: Date;
  startedAt: Date | null;
  durationMs: number | null;
  error: string | null;
  stepsCompleted: number;
  attemptsFailed: number;
  /** The step attempt started last, as the run's current (or final) position. */
  lastStep: string | null;
  lastLog: { level: string; message: string } | null;
}

/** A small view of a run for the live trigger buttons, polled until the run ends. */
export async function getRunProgress(runId: string): Promise<ActionResult<RunProgress>> {
  try {
    const detail = await getRunById({ id: z.string().min(1).max(200).parse(runId) });
    if (!detail) return { ok: false, error: `run ${runId} was not found` };
    const { run, steps, logs } = detail;
    const last = logs.at(-1);
    return ok({
      id: run.id,
      functionId: run.functionId,
      status: run.status,
      queuedAt: run.queuedAt,
      startedAt: run.startedAt,
      durationMs: run.durationMs,
      error: run.error,
      stepsCompleted: steps.filter((s) => s.status === "completed").length,
      attemptsFailed: steps.filter((s) => s.status === "failed" || s.status === "errored").length,
      lastStep: steps.at(-1)?.name ?? null,
      lastLog: last ? { level: last.level, message: last.message } : null,
    });
  } catch (error) {
    return failure(error);
  }
}
