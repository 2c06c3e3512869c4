import { getDb } from "@/db/client";
import { listModels } from "@/lib/api/contracts/models";
import { handle } from "@/lib/api/handle-endpoint";
import { listModelVersionViews } from "@/lib/api/model-queries";

export const dynamic = "force-dynamic";

export const GET = handle(listModels, async ({ query }) =>
  Response.json({ versions: await listModelVersionViews({ db: await getDb(), limit: query.limit }) }),
);
