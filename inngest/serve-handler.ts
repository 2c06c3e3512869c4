import { serve } from "inngest/next";
import type { NextRequest } from "next/server";
import type { ServeEndpoint } from "@/lib/executor/protocol";
import { inngestMode } from "@/lib/pipelines/inngest-mode";
import { inngest } from "./client";
import { functions } from "./index";

/** The one serve handler: app/api/inngest exports its GET/POST/PUT; the embedded executor calls it. */
export const inngestHandler = serve({
  client: inngest,
  functions,
  // Embedded mode: a stranger's unsigned PUT must not make the app register with Inngest Cloud.
  ...(inngestMode() === "embedded" ? { enableUnauthedSync: false } : {}),
});

/** The handler as a function of a Web Request, for the embedded executor. */
export const handleInngestRequest: ServeEndpoint = (request) => inngestHandler(request as NextRequest, undefined);
