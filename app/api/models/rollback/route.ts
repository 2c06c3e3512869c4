import { getDb } from "@/db/client";
import { rollbackModel } from "@/lib/api/contracts/models";
import { handle } from "@/lib/api/handle-endpoint";
import { rollbackAndAnnounce } from "@/lib/services/champion";

export const dynamic = "force-dynamic";

export const POST = handle(rollbackModel, async ({ body, client }) =>
  Response.json(await rollbackAndAnnounce({ db: await getDb(), reason: body.reason, actor: `api (${client})` })),
);
