import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/next";
import type { NextRequest } from "next/server";
import pino from "pino";
import { embeddedSendMiddleware } from "@/lib/executor/embedded-send-middleware";
import type { ServeEndpoint } from "@/lib/executor/protocol";
import { RunLogMiddleware } from "@/lib/runs/run-log-middleware";

/** A signing key only these tests know, standing in for the per-process embedded key. */
export const TEST_SIGNING_KEY = `signkey-test-${"5a".repeat(32)}`;

/**
 * An Inngest client set up the way inngest/client.ts is in embedded mode, for functions that
 * exist only in tests.
 */
export function createTestClient(id: string) {
  return new Inngest({
    id,
    isDev: false,
    signingKey: TEST_SIGNING_KEY,
    eventKey: "embedded-executor",
    logger: pino({ level: "silent" }),
    middleware: [RunLogMiddleware, embeddedSendMiddleware({ enabled: () => true })],
  });
}

/** The real serve handler for these functions, as the executor calls it. */
export function serveEndpoint(client: Inngest.Any, functions: InngestFunction.Any[]): ServeEndpoint {
  const handler = serve({ client, functions });
  return (request) => handler(request as NextRequest, undefined);
}

/** A promise with its resolve function, to hold a step until the test lets it go. */
export function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Polls `check` every 20 ms until it returns a value, failing after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
