import { getDb } from "@/db/client";
import { upcomingPredictions } from "@/lib/api/contracts/predictions";
import { handle } from "@/lib/api/handle-endpoint";
import { listUpcomingFixtures } from "@/lib/predictions/prediction-queries";
import { getAliasTarget } from "@/lib/registry/aliases";
import { getModelVersionSummaryById } from "@/lib/registry/model-versions";

export const dynamic = "force-dynamic";

export const GET = handle(upcomingPredictions, async ({ query }) => {
  const db = await getDb();
  const championId = await getAliasTarget({ db, alias: "champion" });
  const [fixtures, champion] = await Promise.all([
    listUpcomingFixtures({ db, limit: query.limit }),
    championId === null ? null : getModelVersionSummaryById({ db, id: championId }),
  ]);
  return Response.json({ championVersion: champion?.version ?? null, fixtures });
});
