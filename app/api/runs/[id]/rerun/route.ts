import { getDb } from "@/db/client";
import { rerunRun as contract } from "@/lib/api/contracts/runs";
import { handle } from "@/lib/api/handle-endpoint";
import { acceptedResponse } from "@/lib/api/workflow-routes";
import { rerunPipelineRun } from "@/lib/services/pipeline-runs";

export const dynamic = "force-dynamic";

export const POST = handle(contract, async ({ params }) =>
  acceptedResponse(await rerunPipelineRun({ db: await getDb(), id: params.id })),
);
