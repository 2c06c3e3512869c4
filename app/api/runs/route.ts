import { getDb } from "@/db/client";
import { listRuns as contract } from "@/lib/api/contracts/runs";
import { handle } from "@/lib/api/handle-endpoint";
import { toRunSummary } from "@/lib/api/run-view";
import { listRuns } from "@/lib/runs/run-queries";

export const dynamic = "force-dynamic";

export const GET = handle(contract, async ({ query }) => {
  const page = await listRuns({
    db: await getDb(),
    functionId: query.function,
    status: query.status,
    page: query.page,
    pageSize: query.pageSize,
    sort: { column: query.sort, direction: query.direction },
  });
  const { rows, ...paging } = page;
  return Response.json({ runs: rows.map(toRunSummary), ...paging });
});
