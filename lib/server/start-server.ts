import { getDatabase } from "@/db/client";
import { getAppliedMigration } from "@/db/migrate-database";
import { env, EnvError } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * Runs once per Next.js server process before it serves requests: validates the environment
 * (a bad variable stops startup with its name, not a stack trace) and migrates the database.
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
}
