import { getDb } from "@/db/client";
import { predictionHistory } from "@/lib/api/contracts/predictions";
import { handle } from "@/lib/api/handle-endpoint";
import { getPredictionHistory } from "@/lib/predictions/prediction-history";

export const dynamic = "force-dynamic";

export const GET = handle(predictionHistory, async ({ query }) =>
  Response.json(await getPredictionHistory({ db: await getDb(), window: query.window })),
);
