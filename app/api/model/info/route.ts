import { getDb } from "@/db/client";
import { modelInfo } from "@/lib/api/contracts/models";
import { ApiError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handle-endpoint";
import { getChampionInfo } from "@/lib/api/model-queries";

export const dynamic = "force-dynamic";

export const GET = handle(modelInfo, async () => {
  const info = await getChampionInfo({ db: await getDb() });
  if (!info)
    throw new ApiError(
      "not_found",
      "model",
      "No champion model yet: run the training pipeline (POST /api/workflows/training)",
    );
  return Response.json(info);
});
