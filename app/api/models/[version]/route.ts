import { getDb } from "@/db/client";
import { getModel } from "@/lib/api/contracts/models";
import { ApiError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handle-endpoint";
import { getModelVersionView } from "@/lib/api/model-queries";

export const dynamic = "force-dynamic";

export const GET = handle(getModel, async ({ params }) => {
  const view = await getModelVersionView({ db: await getDb(), version: params.version });
  if (!view) throw new ApiError("not_found", "registry", `Model version ${params.version} does not exist`);
  return Response.json(view);
});
