import { getDb } from "@/db/client";
import { triggerWorkflow } from "@/lib/api/contracts/workflows";
import { handle } from "@/lib/api/handle-endpoint";
import { acceptedResponse } from "@/lib/api/workflow-routes";
import { ORIGINAL_FLOW_NAMES, isPipelineName } from "@/lib/pipelines/registry";
import { startPipelineRun } from "@/lib/services/pipeline-runs";

export const dynamic = "force-dynamic";

// The original system's endpoint: any pipeline by name, including its flow names.
export const POST = handle(triggerWorkflow, async ({ body }) => {
  const pipeline = isPipelineName(body.flow_name) ? body.flow_name : ORIGINAL_FLOW_NAMES[body.flow_name];
  const accepted = await startPipelineRun({
    db: await getDb(),
    pipeline,
    parameters: body.parameters ?? {},
    path: ["parameters"],
  });
  return acceptedResponse({ ...accepted, flow_name: body.flow_name });
});
