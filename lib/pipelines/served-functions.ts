import { handleInngestRequest } from "@/inngest/serve-handler";
import { env } from "@/lib/env";
import { embeddedSigningKey } from "@/lib/executor/signing";
import { parseFunctionConfigs, type ExecutorFunction } from "@/lib/executor/function-config";
import { ProtocolClient } from "@/lib/executor/protocol-client";
import { inngestMode } from "./inngest-mode";

/**
 * The app's functions as its serve handler registers them (ids, triggers, retries,
 * concurrency), read with an in-band sync signed by the key the handler verifies.
 */
export async function readServedFunctions(): Promise<ExecutorFunction[]> {
  const key = inngestMode() === "embedded" ? embeddedSigningKey() : (env().INNGEST_SIGNING_KEY ?? "");
  const { appId, functions } = await new ProtocolClient(handleInngestRequest, key).sync();
  return parseFunctionConfigs(appId, functions);
}
