import { getDb } from "@/db/client";
import { route } from "@/lib/api/handler";
import { getDataStats } from "@/lib/data/data-stats";

export const dynamic = "force-dynamic";

// Seasons covered, matches per season, latest result, freshness, pending fixtures, quarantine, last batch.
export const GET = route(async () => Response.json(await getDataStats({ db: await getDb() })));
