import { rerunRun as contract } from "@/lib/api/contracts/runs";
import { handle } from "@/lib/api/handle-endpoint";
import { rerunRun } from "@/lib/api/rerun-run";
import { acceptedResponse } from "@/lib/api/start-workflow";

export const dynamic = "force-dynamic";

export const POST = handle(contract, async ({ params }) => {
  const { rerun_of, same_event, ...accepted } = await rerunRun({ id: params.id });
  return acceptedResponse(accepted, { rerun_of, same_event });
});
