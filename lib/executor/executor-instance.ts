import { env } from "@/lib/env";
import { EmbeddedExecutor, type EmbeddedExecutorOptions } from "./embedded-executor";
import { embeddedSigningKey } from "./signing";

// On globalThis so that the send middleware finds the executor whichever copy of this module
// Next.js loaded (instrumentation and route bundles are separate module graphs).
const globalForExecutor = globalThis as unknown as { __plEmbeddedExecutor?: EmbeddedExecutor };

export type StartOptions = Omit<EmbeddedExecutorOptions, "signingKey" | "schedules"> &
  Partial<Pick<EmbeddedExecutorOptions, "signingKey" | "schedules">>;

/**
 * Starts this process's embedded executor (stopping a previous one): reads the functions from
 * the serve handler, resumes abandoned runs, starts queued ones and, when SCHEDULES is on, the
 * crons. The signing key defaults to this process's embedded key.
 */
export async function startEmbeddedExecutor(options: StartOptions): Promise<EmbeddedExecutor> {
  await stopEmbeddedExecutor();
  const executor = new EmbeddedExecutor({
    ...options,
    signingKey: options.signingKey ?? embeddedSigningKey(),
    schedules: options.schedules ?? env().SCHEDULES,
  });
  globalForExecutor.__plEmbeddedExecutor = executor;
  try {
    await executor.start();
  } catch (error) {
    globalForExecutor.__plEmbeddedExecutor = undefined;
    await executor.stop();
    throw error;
  }
  return executor;
}

/** The running embedded executor of this process, if any. */
export function getEmbeddedExecutor(): EmbeddedExecutor | undefined {
  return globalForExecutor.__plEmbeddedExecutor;
}

export async function stopEmbeddedExecutor(): Promise<void> {
  const executor = globalForExecutor.__plEmbeddedExecutor;
  globalForExecutor.__plEmbeddedExecutor = undefined;
  await executor?.stop();
}
