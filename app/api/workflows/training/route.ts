import { startTraining } from "@/lib/api/contracts/workflows";
import { handle } from "@/lib/api/handle-endpoint";
import { acceptedResponse, startWorkflow } from "@/lib/api/start-workflow";

export const dynamic = "force-dynamic";

export const POST = handle(startTraining, async ({ body }) =>
  acceptedResponse(await startWorkflow({ flow: "training", parameters: body })),
);
