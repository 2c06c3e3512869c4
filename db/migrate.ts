import { closeDatabase, configuredOpenOptions, openDatabase } from "./client";
import { getAppliedMigration, migrateDatabase } from "./migrate-database";

// `npm run db:migrate`: applies db/migrations to the configured database (DATABASE_URL or PGLITE_DIR).
async function main() {
  const handle = await openDatabase(configuredOpenOptions());
  try {
    await migrateDatabase(handle);
    const applied = await getAppliedMigration(handle);
    console.log(`migrated ${handle.driver} at ${handle.location}: ${applied?.tag ?? "no migrations"}`);
  } finally {
    await handle.close();
    await closeDatabase();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
