import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { env, serverlessHost } from "@/lib/env";
import { migrateDatabase } from "./migrate-database";
import { preparePgliteFolder } from "./pglite-folder";
import { lockPgliteFolder } from "./pglite-lock";
import { postgresPoolSettings, type PoolMode } from "./pool-settings";
import { postgresClient } from "./postgres-client";
import * as schema from "./schema";
import { processSlot } from "@/lib/process-slot";

/** The one database type the code uses: the same queries run on PGlite and on Postgres. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Driver = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** Where the data lives: the PGlite folder, or the Postgres host and database (no password). */
  location: string;
  /** Postgres only: whether a transaction-mode pooler sits in front (no prepared statements). */
  poolMode?: PoolMode;
  close(): Promise<void>;
}

export type OpenOptions =
  | { driver: "postgres"; url: string; max?: number; poolMode?: PoolMode; serverless?: boolean }
  | { driver: "pglite"; dir?: string; client?: PGlite };

/** Opens a database without migrating it. `dir` undefined means an in-memory PGlite. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.driver === "postgres") {
    const pool = postgresPoolSettings(options.url, {
      mode: options.poolMode,
      max: options.max,
      serverless: options.serverless,
    });
    const client = postgresClient(options.url, { max: pool.max, prepare: pool.prepare, pipeline: pool.pipeline });
    const db = drizzlePostgres({ client, schema }) as unknown as Database;
    const u = new URL(options.url);
    return {
      db,
      driver: "postgres",
      location: `${u.hostname}:${u.port || 5432}${u.pathname}`,
      poolMode: pool.mode,
      close: () => client.end({ timeout: 5 }),
    };
  }
  let client = options.client;
  let release = () => {};
  if (!client) {
    const dir = options.dir ? path.resolve(options.dir) : undefined;
    if (dir) {
      preparePgliteFolder(dir);
      release = lockPgliteFolder(dir);
    }
    try {
      client = await PGlite.create(dir);
    } catch (error) {
      release();
      throw error;
    }
  }
  const pglite = client;
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Database;
  return {
    db,
    driver: "pglite",
    location: options.dir ? path.resolve(options.dir) : "memory",
    close: async () => {
      await pglite.close();
      release();
    },
  };
}

/** The database this process is configured for: DATABASE_URL → Postgres, else PGlite in PGLITE_DIR. */
export function configuredOpenOptions(): OpenOptions {
  const e = env();
  if (!e.DATABASE_URL) return { driver: "pglite", dir: e.PGLITE_DIR };
  return {
    driver: "postgres",
    url: e.DATABASE_URL,
    max: e.DATABASE_POOL_MAX,
    poolMode: e.DATABASE_POOL_MODE,
    serverless: serverlessHost(e) !== undefined,
  };
}

// One per process, so that hot reload and Next's module duplication share one connection (PGlite
// allows a single owner of its folder).
const processDb = processSlot<Promise<DatabaseHandle>>("database");

/** The process-wide database, opened and migrated on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  return processDb.getOrCreate(() =>
    (async () => {
      const handle = await openDatabase(configuredOpenOptions());
      await migrateDatabase(handle);
      return handle;
    })().catch((error) => {
      processDb.set(undefined);
      throw error;
    }),
  );
}

/** Shorthand for query modules: the migrated process-wide Drizzle instance. */
export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/** Makes `handle` the process-wide database (tests and CLIs that opened their own). */
export function setDatabase(handle: DatabaseHandle): void {
  processDb.set(Promise.resolve(handle));
}

/** Closes the process-wide database (CLI exit, tests). */
export async function closeDatabase(): Promise<void> {
  const pending = processDb.get();
  processDb.set(undefined);
  if (pending) await (await pending).close();
}
