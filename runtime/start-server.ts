import { getDatabase, type DatabaseHandle } from "@/db/client";
import { getAppliedMigration } from "@/db/migrate-database";
import { env, EnvError } from "@/lib/env";
import { logger } from "@/lib/logger";
import { inngestMode } from "@/lib/pipelines/inngest-mode";
import { assertHostSupported } from "@/lib/server/host-requirements";
import { startRunner } from "./start-runner";

/**
 * Runs once per Next.js server process before it serves requests: validates the environment
 * and what this host can run (a bad or missing variable stops startup with its name, not a
 * stack trace; so does a PGLITE_DIR this process cannot write), migrates the database,
 * starts the embedded executor when no Inngest is configured, and on a fresh database starts
 * the pipelines that give it data, a champion model and predictions (BOOTSTRAP=auto).
 */
export async function startServer(): Promise<void> {
  const handle = await refuseMisconfiguration(async () => {
    assertHostSupported(env());
    return getDatabase();
  });
  const migration = await getAppliedMigration(handle);
  logger.info(
    { driver: handle.driver, location: handle.location, poolMode: handle.poolMode, migration: migration?.tag },
    "database ready",
  );
  await startPipelines(handle);
  await startBootstrap(handle);
}

/** Runs `start`; a configuration error ends the process with its message (naming the variable). */
async function refuseMisconfiguration<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function startPipelines(handle: DatabaseHandle): Promise<void> {
  if (inngestMode() !== "embedded")
    logger.info("pipelines run on Inngest (INNGEST_* configured); the embedded executor stays off");
  await startRunner({
    db: handle.db,
    // Only one process can open a PGlite folder, so any run still marked running is orphaned.
    staleAfterMs: handle.driver === "pglite" ? 0 : undefined,
  });
}

async function startBootstrap(handle: DatabaseHandle): Promise<void> {
  if (env().BOOTSTRAP === "off") return;
  try {
    const { bootstrap } = await import("@/lib/pipelines/bootstrap");
    const { action, runIds } = await bootstrap({ db: handle.db });
    if (action)
      logger.info(
        { action, runIds },
        `first start: running the ${action} pipeline (follow it on the dashboard's Runs page)`,
      );
  } catch (error) {
    // The server stays up; the dashboard shows what is missing and its buttons can start it.
    logger.error({ err: error }, "bootstrap could not start");
  }
}
