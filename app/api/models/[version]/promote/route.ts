import { getDb } from "@/db/client";
import { promoteModel } from "@/lib/api/contracts/models";
import { handle } from "@/lib/api/handle-endpoint";
import { promoteAndAnnounce } from "@/lib/services/champion";

export const dynamic = "force-dynamic";

export const POST = handle(promoteModel, async ({ params, body, client }) =>
  Response.json(
    await promoteAndAnnounce({
      db: await getDb(),
      version: params.version,
      reason: body.reason,
      actor: `api (${client})`,
    }),
  ),
);
