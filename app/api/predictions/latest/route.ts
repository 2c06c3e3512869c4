import { getDb } from "@/db/client";
import { latestPredictions } from "@/lib/api/contracts/predictions";
import { ApiError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handle-endpoint";
import { getLatestPredictionBatch } from "@/lib/predictions/prediction-queries";

export const dynamic = "force-dynamic";

export const GET = handle(latestPredictions, async () => {
  const batch = await getLatestPredictionBatch({ db: await getDb() });
  if (!batch)
    throw new ApiError(
      "not_found",
      "api",
      "No prediction batch yet: run the predictions pipeline (POST /api/workflows/predictions)",
    );
  return Response.json(batch);
});
