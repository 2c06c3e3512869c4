import { startPipelineRoute } from "@/lib/api/workflow-routes";

export const dynamic = "force-dynamic";

export const POST = startPipelineRoute("predictions");
