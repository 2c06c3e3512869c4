import { route } from "@/lib/api/handler";
import { getSystemStatus } from "@/lib/system/system-status";

export const dynamic = "force-dynamic";

// Every component; one that is down is reported as down while the endpoint still answers 200.
export const GET = route(async () => Response.json(await getSystemStatus()));
