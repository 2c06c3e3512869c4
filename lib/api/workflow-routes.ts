import { getDb } from "@/db/client";
import type { PipelineName } from "@/lib/pipelines/registry";
import type { RunAccepted } from "@/lib/services/pipeline-runs";
import { startPipelineRun } from "@/lib/services/pipeline-runs";
import { startPipeline } from "./contracts/workflows";
import { handle } from "./handle-endpoint";

/** The 202 answer of a started (or found) run, with a Location header pointing at the run. */
export function acceptedResponse(body: RunAccepted & Record<string, unknown>): Response {
  const headers: Record<string, string> = body.run_id
    ? { Location: `/api/runs/${encodeURIComponent(body.run_id)}` }
    : {};
  return Response.json(body, { status: 202, headers });
}

/** POST /api/workflows/{pipeline}: the body is the pipeline's parameters. */
export function startPipelineRoute(pipeline: PipelineName) {
  return handle(startPipeline[pipeline], async ({ body }) =>
    acceptedResponse(await startPipelineRun({ db: await getDb(), pipeline, parameters: body ?? {} })),
  );
}
