import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate-database";
import { env } from "@/lib/env";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a new
 * database on the server named by TEST_DATABASE_URL (dropped again by `close`). With
 * TEST_PGBOUNCER=1 the database is reached through PgBouncer in transaction mode, with the pool
 * settings the app takes from DATABASE_POOL_MODE and DATABASE_POOL_MAX.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ driver: "pglite" });
    await migrateDatabase(handle);
    return handle;
  }
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(inject("pgbouncerUrl") || serverUrl);
  url.pathname = `/${name}`;
  const { DATABASE_POOL_MAX, DATABASE_POOL_MODE } = env();
  const handle = await openDatabase({
    driver: "postgres",
    url: url.toString(),
    max: DATABASE_POOL_MAX ?? 4,
    poolMode: DATABASE_POOL_MODE,
  });
  await migrateDatabase(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
