import { getDb } from "@/db/client";
import { predictMatch as contract } from "@/lib/api/contracts/predictions";
import { handle } from "@/lib/api/handle-endpoint";
import { toMatchRequest } from "@/lib/predictions/match-request";
import { predictMatch } from "@/lib/predictions/predict-match";
import { toMatchAnswer } from "@/lib/predictions/prediction-view";

export const dynamic = "force-dynamic";

export const POST = handle(contract, async ({ body }) =>
  Response.json(toMatchAnswer(await predictMatch({ db: await getDb(), request: toMatchRequest(body) }))),
);
