import { triggerWorkflow } from "@/lib/api/contracts/workflows";
import { handle } from "@/lib/api/handle-endpoint";
import { acceptedResponse, startWorkflow } from "@/lib/api/start-workflow";
import { canonicalFlow } from "@/lib/api/workflow-flows";

export const dynamic = "force-dynamic";

// The original system's endpoint: any pipeline by name, including its old flow names.
export const POST = handle(triggerWorkflow, async ({ body }) =>
  acceptedResponse(await startWorkflow({ flow: canonicalFlow(body.flow_name), parameters: body.parameters ?? {} }), {
    flow_name: body.flow_name,
  }),
);
