import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DatabaseHandle } from "./client";
import { rowsOf } from "./rows";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

function readJournal(): JournalEntry[] {
  const file = path.join(MIGRATIONS_FOLDER, "meta", "_journal.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { entries: JournalEntry[] }).entries;
}

/** Applies every pending drizzle-kit migration from db/migrations. Idempotent. */
export async function migrateDatabase(handle: Pick<DatabaseHandle, "db" | "driver">): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  // Both migrators take a PgDatabase; the casts only pick the matching driver's signature.
  if (handle.driver === "pglite") await migratePglite(handle.db as never, config);
  else await migratePostgres(handle.db as never, config);
}

export interface AppliedMigration {
  tag: string;
  appliedAt: Date;
  pending: number;
}

/** The newest applied migration (by drizzle's journal timestamp) and how many are still pending. */
export async function getAppliedMigration(handle: Pick<DatabaseHandle, "db">): Promise<AppliedMigration | null> {
  const list = rowsOf<{ created_at: string | number }>(
    await handle.db.execute(sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`),
  );
  if (list.length === 0) return null;
  const when = Number(list[0].created_at);
  const journal = readJournal();
  const entry = journal.find((e) => e.when === when);
  return {
    tag: entry?.tag ?? `unknown (${when})`,
    appliedAt: new Date(when),
    pending: journal.filter((e) => e.when > when).length,
  };
}
