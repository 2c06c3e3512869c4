import { z } from "zod";
import { EventValidationError } from "@/lib/executor/event-input";
import { dispatch, type DispatchResult } from "@/lib/pipelines/dispatch";
import { getRun } from "@/lib/runs/run-store";
import { ApiError, badRequest } from "./errors";
import { FLOWS, type FlowName } from "./workflow-flows";

/** The 202 answer of every route that starts a pipeline. */
export const workflowAcceptedSchema = z.object({
  run_id: z
    .string()
    .nullable()
    .describe(
      "The run started, or the one already queued or running; null when Inngest has not started it yet (see event_id)",
    ),
  status: z
    .enum(["queued", "running", "completed", "failed", "cancelled", "sent"])
    .describe("The run's status now; `sent`: handed to Inngest, run not started yet"),
  existing: z
    .boolean()
    .describe("True when a run of this pipeline was already queued or running and is returned instead of a new one"),
  flow: z.enum(Object.keys(FLOWS) as [FlowName, ...FlowName[]]),
  event_id: z.string().nullable(),
  executor: z.enum(["embedded", "inngest"]),
});
export type WorkflowAccepted = z.infer<typeof workflowAcceptedSchema>;

/**
 * Starts a pipeline run through dispatch (dedupe, trigger manual). A failure to start, such as no
 * executor running, is a 503 with the reason: never an invented run id.
 */
export async function startWorkflow({
  flow,
  parameters,
}: {
  flow: FlowName;
  parameters: Record<string, unknown>;
}): Promise<WorkflowAccepted> {
  let result: DispatchResult;
  try {
    result = await dispatch({ name: FLOWS[flow].event, data: parameters }, { dedupe: true, trigger: "manual" });
  } catch (error) {
    if (error instanceof EventValidationError) throw badRequest("Invalid pipeline parameters", error.issues);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError("unavailable", "pipeline", `The ${flow} pipeline could not be started: ${reason}`);
  }
  const runs = await Promise.all(result.runIds.map((id) => getRun({ id })));
  const run = runs.find((r) => r?.functionId === flow) ?? null;
  if (!run && result.executor === "embedded") {
    throw new ApiError("unavailable", "pipeline", `No ${flow} function is served by this app, so no run was started`);
  }
  return {
    run_id: run?.id ?? null,
    status: run?.status ?? "sent",
    existing: run ? result.existingRunIds.includes(run.id) : false,
    flow,
    event_id: result.eventIds[0] ?? null,
    executor: result.executor,
  };
}

/** The 202 response, with a Location header pointing at the run. */
export function acceptedResponse(body: WorkflowAccepted, extra: Record<string, unknown> = {}): Response {
  const headers: Record<string, string> = body.run_id
    ? { Location: `/api/runs/${encodeURIComponent(body.run_id)}` }
    : {};
  return Response.json({ ...body, ...extra }, { status: 202, headers });
}
