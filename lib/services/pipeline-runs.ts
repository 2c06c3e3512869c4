import { z } from "zod";
import type { Database } from "@/db/client";
import { runStatus } from "@/db/schema";
import { ApiError, badRequest, notFound } from "@/lib/api/errors";
import { EventValidationError } from "@/lib/executor/event-input";
import { dispatch, type DispatchResult } from "@/lib/pipelines/dispatch";
import { toPipelineRequest } from "@/lib/pipelines/pipeline-request";
import { pipelineNameSchema, PIPELINES, requestEventOf, type PipelineName } from "@/lib/pipelines/registry";
import { rerunRequest } from "@/lib/pipelines/rerun-request";
import { getRun } from "@/lib/runs/run-store";

/** The 202 answer of everything that starts a pipeline run (API and dashboard). */
export const runAcceptedSchema = z.object({
  run_id: z
    .string()
    .nullable()
    .describe(
      "The run started, or the one already queued or running; null when Inngest has not started it yet (see event_id)",
    ),
  status: z
    .enum([...runStatus.enumValues, "sent"])
    .describe("The run's status now; `sent`: handed to Inngest, run not started yet"),
  existing: z
    .boolean()
    .describe("True when a run of this pipeline was already queued or running and is returned instead of a new one"),
  flow: pipelineNameSchema,
  event_id: z.string().nullable(),
  executor: z.enum(["embedded", "inngest"]),
  flow_run_id: z
    .string()
    .nullable()
    .describe("The original system's name for the run id (`run_id`, or the event id until Inngest starts the run)"),
  message: z.string().describe("What happened, in a sentence"),
  ignored_parameters: z
    .array(z.string())
    .optional()
    .describe("Parameters of the original system's flows that this pipeline has no use for (accepted, not applied)"),
});
export type RunAccepted = z.infer<typeof runAcceptedSchema>;

function describeStart(pipeline: PipelineName, run: { id: string; status: string } | null, existing: boolean) {
  if (!run) return `The ${pipeline} pipeline was asked for on Inngest; its run starts there`;
  const id = run.id.slice(0, 8);
  return existing
    ? `The ${pipeline} run ${id} was already ${run.status}; follow it`
    : `The ${pipeline} run ${id} is ${run.status}`;
}

/**
 * Starts a pipeline run (dedupe, trigger manual) from parameters in our names or the original
 * system's. A failure to start, such as no executor running, is a 503 with the reason: never an
 * invented run id. `path` names the parameters' place in the request for error messages.
 */
export async function startPipelineRun({
  db,
  pipeline,
  parameters,
  path,
}: {
  db: Database;
  pipeline: PipelineName;
  parameters: Record<string, unknown>;
  path?: string[];
}): Promise<RunAccepted> {
  const request = toPipelineRequest(PIPELINES[pipeline].parameters, parameters, { path });
  let result: DispatchResult;
  try {
    result = await dispatch(
      { name: requestEventOf(PIPELINES[pipeline]).name, data: request.data },
      { dedupe: true, trigger: "manual" },
    );
  } catch (error) {
    if (error instanceof EventValidationError) throw badRequest("Invalid pipeline parameters", error.issues);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError("unavailable", "pipeline", `The ${pipeline} pipeline could not be started: ${reason}`);
  }
  const runs = await Promise.all(result.runIds.map((id) => getRun({ db, id })));
  const run = runs.find((r) => r?.functionId === pipeline) ?? null;
  if (!run && result.executor === "embedded") {
    throw new ApiError(
      "unavailable",
      "pipeline",
      `No ${pipeline} function is served by this app, so no run was started`,
    );
  }
  const existing = run ? result.existingRunIds.includes(run.id) : false;
  const eventId = result.eventIds[0] ?? null;
  return {
    run_id: run?.id ?? null,
    status: run?.status ?? "sent",
    existing,
    flow: pipeline,
    event_id: eventId,
    executor: result.executor,
    flow_run_id: run?.id ?? eventId,
    message: describeStart(pipeline, run, existing),
    ...(request.ignored.length ? { ignored_parameters: request.ignored } : {}),
  };
}

/**
 * Runs a run's pipeline again (trigger manual, dedupe). A run asked for by its pipeline's request
 * event is repeated with the same parameters. One started by a cron or by another event
 * (`data/matches.updated` also starts two other pipelines) is repeated through its pipeline's
 * request event with no parameters, which is the input it ran with, so only this pipeline reruns.
 */
export async function rerunPipelineRun({
  db,
  id,
}: {
  db: Database;
  id: string;
}): Promise<RunAccepted & { rerun_of: string; same_event: boolean }> {
  const run = await getRun({ db, id });
  if (!run) throw notFound(`Run ${id}`);
  const request = rerunRequest(run);
  if (!request)
    throw new ApiError("conflict", "pipeline", `Runs of function ${run.functionId} cannot be rerun: it is no pipeline`);
  const accepted = await startPipelineRun({
    db,
    pipeline: run.functionId as PipelineName,
    parameters: request.event.data,
  });
  return { ...accepted, rerun_of: run.id, same_event: request.sameParameters };
}
