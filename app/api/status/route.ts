import { getDatabase } from "@/db/client";
import { route } from "@/lib/api/handler";
import { getDatabaseStatus } from "@/lib/system/database-status";

export const dynamic = "force-dynamic";

// Reports each component; a component that is down is reported as down, the endpoint still answers 200.
export const GET = route(async () => {
  const database = await getDatabaseStatus(getDatabase);
  return Response.json({
    status: database.status === "up" ? "ok" : "degraded",
    time: new Date().toISOString(),
    components: { database },
  });
});
