import { startPredictions } from "@/lib/api/contracts/workflows";
import { handle } from "@/lib/api/handle-endpoint";
import { acceptedResponse, startWorkflow } from "@/lib/api/start-workflow";

export const dynamic = "force-dynamic";

export const POST = handle(startPredictions, async ({ body }) =>
  acceptedResponse(await startWorkflow({ flow: "predictions", parameters: body })),
);
