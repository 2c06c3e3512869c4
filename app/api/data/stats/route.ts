import { getDb } from "@/db/client";
import { dataStats } from "@/lib/api/contracts/system";
import { handle } from "@/lib/api/handle-endpoint";
import { getDataStats } from "@/lib/data/data-stats";

export const dynamic = "force-dynamic";

// Seasons covered, matches per season, latest result, freshness, pending fixtures, quarantine, last batch.
export const GET = handle(dataStats, async () => Response.json(await getDataStats({ db: await getDb() })));
