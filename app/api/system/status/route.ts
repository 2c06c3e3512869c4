import { route } from "@/lib/api/handler";
import { getSystemStatus } from "@/lib/system/system-status";

export const dynamic = "force-dynamic";

// The original system's path for the same report as /api/status.
export const GET = route(async () => Response.json(await getSystemStatus()));
