import { systemStatus } from "@/lib/api/contracts/system";
import { handle } from "@/lib/api/handle-endpoint";
import { getSystemStatus } from "@/lib/system/system-status";

export const dynamic = "force-dynamic";

// The original system's path for the same report as /api/status.
export const GET = handle(systemStatus, async () => Response.json(await getSystemStatus()));
