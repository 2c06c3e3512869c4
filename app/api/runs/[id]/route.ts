import { getDb } from "@/db/client";
import { getRun } from "@/lib/api/contracts/runs";
import { notFound } from "@/lib/api/errors";
import { handle } from "@/lib/api/handle-endpoint";
import { toRunDetail } from "@/lib/api/run-view";
import { getRunById } from "@/lib/runs/run-queries";

export const dynamic = "force-dynamic";

export const GET = handle(getRun, async ({ params }) => {
  const detail = await getRunById({ db: await getDb(), id: params.id });
  if (!detail) throw notFound(`Run ${params.id}`);
  return Response.json(toRunDetail(detail));
});
