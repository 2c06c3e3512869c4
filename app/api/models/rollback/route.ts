import { getDb } from "@/db/client";
import { rollbackFromApi } from "@/lib/api/champion-change";
import { rollbackModel } from "@/lib/api/contracts/models";
import { handle } from "@/lib/api/handle-endpoint";

export const dynamic = "force-dynamic";

export const POST = handle(rollbackModel, async ({ body, client }) =>
  Response.json(await rollbackFromApi({ db: await getDb(), reason: body.reason, client })),
);
