import { getDatabase, type DatabaseHandle } from "@/db/client";
import { getAppliedMigration } from "@/db/migrate-database";
import { env, EnvError } from "@/lib/env";
import { logger } from "@/lib/logger";
import { inngestMode } from "@/lib/pipelines/inngest-mode";
import { startRunner } from "./start-runner";

/**
 * Runs once per Next.js server process before it serves requests: validates the environment
 * (a bad variable stops startup with its name, not a stack trace), migrates the database,
 * starts the embedded executor when no Inngest is configured, and on a fresh database starts
 * the pipelines that give it data, a champion model and predictions (BOOTSTRAP=auto).
 */
export async function startServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const handle = await getDatabase();
  const migration = await getAppliedMigration(handle);
  logger.info({ driver: handle.driver, location: handle.location, migration: migration?.tag }, "database ready");
  await startPipelines(handle);
  await startBootstrap(handle);
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
