import { getDb } from "@/db/client";
import { promoteFromApi } from "@/lib/api/champion-change";
import { promoteModel } from "@/lib/api/contracts/models";
import { handle } from "@/lib/api/handle-endpoint";

export const dynamic = "force-dynamic";

export const POST = handle(promoteModel, async ({ params, body, client }) =>
  Response.json(await promoteFromApi({ db: await getDb(), version: params.version, reason: body.reason, client })),
);
