import { status } from "@/lib/api/contracts/system";
import { handle } from "@/lib/api/handle-endpoint";
import { getSystemStatus } from "@/lib/system/system-status";

export const dynamic = "force-dynamic";

// Every component; one that is down is reported as down while the endpoint still answers 200.
export const GET = handle(status, async () => Response.json(await getSystemStatus()));
