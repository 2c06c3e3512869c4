import { z } from "zod";
import { logLevel, runStatus, stepStatus, type PipelineRun, type RunLog } from "@/db/schema";
import type { RunStepView } from "@/lib/runs/run-queries";

const at = z.iso.datetime();

/** A run as the API shows it in lists (no output: see the run itself). */
export const runSummarySchema = z.object({
  id: z.string(),
  functionId: z.string().describe("etl, training, predictions or scoring"),
  trigger: z.string().describe("manual, event or cron"),
  eventName: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).describe("The triggering event's data"),
  status: z.enum(runStatus.enumValues),
  executor: z.string().describe("embedded, inngest or cli"),
  attempt: z.number().int(),
  error: z.string().nullable(),
  queuedAt: at,
  startedAt: at.nullable(),
  finishedAt: at.nullable(),
  durationMs: z.number().int().nullable(),
});

export const runStepSchema = z.object({
  stepId: z.string(),
  name: z.string(),
  op: z.string().nullable(),
  status: z.enum(stepStatus.enumValues),
  attempt: z.number().int(),
  outputSummary: z.string().nullable(),
  error: z.string().nullable(),
  startedAt: at,
  finishedAt: at.nullable(),
  durationMs: z.number().int().nullable(),
});

export const runLogSchema = z.object({
  stepId: z.string().nullable(),
  level: z.enum(logLevel.enumValues),
  message: z.string(),
  data: z.unknown().nullable(),
  at,
});

export const runDetailSchema = z.object({
  run: runSummarySchema.extend({
    eventId: z.string().nullable(),
    output: z.unknown().nullable().describe("What the function returned"),
  }),
  steps: z.array(runStepSchema).describe("Every attempt of every step, in the order they started"),
  logs: z.array(runLogSchema),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toRunSummary(r: PipelineRun): z.infer<typeof runSummarySchema> {
  return {
    id: r.id,
    functionId: r.functionId,
    trigger: r.trigger,
    eventName: r.eventName,
    params: r.params,
    status: r.status,
    executor: r.executor,
    attempt: r.attempt,
    error: r.error,
    queuedAt: r.queuedAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    durationMs: r.durationMs,
  };
}

export function toRunDetail({
  run,
  steps,
  logs,
}: {
  run: PipelineRun;
  steps: RunStepView[];
  logs: RunLog[];
}): z.infer<typeof runDetailSchema> {
  return {
    run: { ...toRunSummary(run), eventId: run.eventId, output: run.output ?? null },
    steps: steps.map((s) => ({
      stepId: s.stepId,
      name: s.name,
      op: s.op,
      status: s.status,
      attempt: s.attempt,
      outputSummary: s.outputSummary,
      error: s.error,
      startedAt: s.startedAt.toISOString(),
      finishedAt: iso(s.finishedAt),
      durationMs: s.durationMs,
    })),
    logs: logs.map((l) => ({
      stepId: l.stepId,
      level: l.level,
      message: l.message,
      data: l.data ?? null,
      at: l.at.toISOString(),
    })),
  };
}
