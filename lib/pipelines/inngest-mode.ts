import { env, type Env } from "@/lib/env";

/** Who runs the pipelines: the in-process embedded executor, or an Inngest server. */
export type InngestMode = "embedded" | "inngest";

type InngestVariables = Pick<Env, "INNGEST_EVENT_KEY" | "INNGEST_SIGNING_KEY" | "INNGEST_BASE_URL" | "INNGEST_DEV">;

// INNGEST_DEV=0 is the SDK's way of saying "cloud mode", not "use a dev server".
const falseFlags = new Set(["0", "false", "no", "off"]);

/**
 * Inngest is configured when an event key is set (Cloud), a signing key with a base URL
 * (self-hosted `inngest start`), or INNGEST_DEV (`inngest dev`, `1` or its URL). Otherwise the
 * embedded executor runs the functions.
 */
export function inngestMode(variables: InngestVariables = env()): InngestMode {
  if (usesDevServer(variables)) return "inngest";
  if (variables.INNGEST_EVENT_KEY) return "inngest";
  if (variables.INNGEST_SIGNING_KEY && variables.INNGEST_BASE_URL) return "inngest";
  return "embedded";
}

/** Whether INNGEST_DEV asks for a dev server (`1`, `true`, or its URL; `0` means cloud mode). */
export function usesDevServer(variables: Pick<InngestVariables, "INNGEST_DEV"> = env()): boolean {
  const dev = variables.INNGEST_DEV?.trim().toLowerCase();
  return !!dev && !falseFlags.has(dev);
}
