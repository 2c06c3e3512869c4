import type { PipelineRun } from "@/db/schema";
import { pipelineOfFunction, requestEventOf } from "./registry";

export interface RerunRequest {
  event: { name: string; data: Record<string, unknown> };
  /** True when the original request's parameters are sent again; false: the pipeline's defaults. */
  sameParameters: boolean;
}

/**
 * The event that runs a run's function again. A run asked for by its request event is repeated
 * with the same parameters; one started by a cron or another event (whose data are not a request)
 * becomes a plain request with defaults. Null for a function that is no pipeline.
 */
export function rerunRequest(run: Pick<PipelineRun, "functionId" | "eventName" | "params">): RerunRequest | null {
  const pipeline = pipelineOfFunction(run.functionId);
  if (!pipeline) return null;
  const { name } = requestEventOf(pipeline);
  const same = run.eventName === name;
  return { event: { name, data: same ? { ...run.params } : {} }, sameParameters: same };
}
