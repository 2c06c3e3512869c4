import { Inngest } from "inngest";
import { embeddedSendMiddleware } from "@/lib/executor/embedded-send-middleware";
import { embeddedSigningKey } from "@/lib/executor/signing";
import { logger } from "@/lib/logger";
import { inngestMode } from "@/lib/pipelines/inngest-mode";
import { RunLogMiddleware } from "@/lib/runs/run-log-middleware";
import { runRecorderMiddleware } from "@/lib/runs/run-recorder-middleware";

const embedded = inngestMode() === "embedded";

// Embedded mode: cloud mode (signatures verified) with this process's own signing key, and a
// placeholder event key so that sends reach the middleware that hands them to the executor.
const embeddedOptions = { isDev: false, signingKey: embeddedSigningKey(), eventKey: "embedded-executor" } as const;

/** The project's Inngest client. With Inngest configured, the SDK reads INNGEST_* itself. */
export const inngest = new Inngest({
  id: "pl-mlops",
  logger: logger.child({ component: "inngest" }),
  middleware: [
    RunLogMiddleware,
    runRecorderMiddleware({ executor: "inngest", enabled: () => !embedded }),
    embeddedSendMiddleware({ enabled: () => embedded }),
  ],
  ...(embedded ? embeddedOptions : {}),
});
