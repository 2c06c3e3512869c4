import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { EmbeddedExecutor, type EmbeddedExecutorOptions } from "./embedded-executor";
import { getRunner, setRunner } from "./runner";
import { embeddedSigningKey } from "./signing";

export type StartOptions = Omit<EmbeddedExecutorOptions, "db" | "signingKey" | "schedules"> &
  Partial<Pick<EmbeddedExecutorOptions, "db" | "signingKey" | "schedules">>;

/**
 * Starts this process's embedded executor as its runner (stopping a previous one): reads the
 * functions from the serve handler, resumes abandoned runs, starts queued ones and, when
 * SCHEDULES is on, the crons. The database defaults to the process's, the signing key to this
 * process's embedded key.
 */
export async function startEmbeddedExecutor(options: StartOptions): Promise<EmbeddedExecutor> {
  await stopEmbeddedExecutor();
  const executor = new EmbeddedExecutor({
    ...options,
    db: options.db ?? (await getDb()),
    signingKey: options.signingKey ?? embeddedSigningKey(),
    schedules: options.schedules ?? env().SCHEDULES,
  });
  setRunner(executor);
  try {
    await executor.start();
  } catch (error) {
    setRunner(undefined);
    await executor.stop();
    throw error;
  }
  return executor;
}

/** The running embedded executor of this process, if it is the runner. */
export function getEmbeddedExecutor(): EmbeddedExecutor | undefined {
  const runner = getRunner();
  // By kind, not instanceof: Next.js may load this module (and the class) once per bundle.
  return runner?.kind === "embedded" ? (runner as EmbeddedExecutor) : undefined;
}

export async function stopEmbeddedExecutor(): Promise<void> {
  const executor = getEmbeddedExecutor();
  if (!executor) return;
  setRunner(undefined);
  await executor.stop();
}
