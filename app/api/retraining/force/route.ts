import { getDb } from "@/db/client";
import { forceRetraining } from "@/lib/api/contracts/workflows";
import { handle } from "@/lib/api/handle-endpoint";
import { acceptedResponse } from "@/lib/api/workflow-routes";
import { startPipelineRun } from "@/lib/services/pipeline-runs";

export const dynamic = "force-dynamic";

export const POST = handle(forceRetraining, async () =>
  acceptedResponse(
    await startPipelineRun({
      db: await getDb(),
      pipeline: "training",
      parameters: { force: true, reason: "forced retraining" },
    }),
  ),
);
