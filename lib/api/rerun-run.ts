import { rerunRequest } from "@/lib/runs/rerun-request";
import { getRun } from "@/lib/runs/run-store";
import { ApiError, notFound } from "./errors";
import { startWorkflow, type WorkflowAccepted } from "./start-workflow";
import { flowOfFunction } from "./workflow-flows";

/**
 * Runs a run's function again (trigger manual, dedupe). A run asked for by its pipeline's request
 * event is repeated with the same event name and data. One started by a cron or by another event
 * (`data/matches.updated` also starts two other pipelines) is repeated through its pipeline's
 * request event with no parameters, which is the input it ran with, so only this pipeline reruns.
 */
export async function rerunRun({
  id,
}: {
  id: string;
}): Promise<WorkflowAccepted & { rerun_of: string; same_event: boolean }> {
  const run = await getRun({ id });
  if (!run) throw notFound(`Run ${id}`);
  const flow = flowOfFunction(run.functionId);
  const request = rerunRequest(run);
  if (!flow || !request)
    throw new ApiError("conflict", "pipeline", `Runs of function ${run.functionId} cannot be rerun from the API`);
  const accepted = await startWorkflow({ flow, parameters: request.event.data });
  return { ...accepted, rerun_of: run.id, same_event: request.sameParameters };
}
