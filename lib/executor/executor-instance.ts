import { env } from "@/lib/env";
import { EmbeddedExecutor, type EmbeddedExecutorOptions } from "./embedded-executor";
import { embeddedSigningKey } from "./signing";
import { processSlot } from "@/lib/process-slot";

// The send middleware must find the executor whichever copy of this module Next.js loaded.
const current = processSlot<EmbeddedExecutor>("embedded-executor");

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
  current.set(executor);
  try {
    await executor.start();
  } catch (error) {
    current.set(undefined);
    await executor.stop();
    throw error;
  }
  return executor;
}

/** The running embedded executor of this process, if any. */
export function getEmbeddedExecutor(): EmbeddedExecutor | undefined {
  return current.get();
}

export async function stopEmbeddedExecutor(): Promise<void> {
  const executor = current.get();
  current.set(undefined);
  await executor?.stop();
}
