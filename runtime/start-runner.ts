import { handleInngestRequest } from "@/inngest/serve-handler";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import type { EmbeddedExecutorOptions } from "@/lib/executor/embedded-executor";
import { startEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { InngestRunner } from "@/lib/executor/inngest-runner";
import { setRunner, type Runner } from "@/lib/executor/runner";
import { inngestMode } from "@/lib/pipelines/inngest-mode";
import { inngest } from "@/inngest/client";

/**
 * Starts this process's runner on the app's serve handler: the embedded executor when no Inngest
 * is configured, otherwise a runner that sends events to Inngest (which then calls /api/inngest).
 */
export async function startRunner(
  options: { db: Database } & Pick<EmbeddedExecutorOptions, "schedules" | "staleAfterMs" | "manualOnly">,
): Promise<Runner> {
  if (inngestMode() === "embedded") return startEmbeddedExecutor({ ...options, endpoint: handleInngestRequest });
  const runner = new InngestRunner({
    db: options.db,
    send: (events) => inngest.send(events),
    endpoint: handleInngestRequest,
    signingKey: env().INNGEST_SIGNING_KEY ?? "",
  });
  setRunner(runner);
  return runner;
}
