import type { TestProject } from "vitest/node";
import { startPgBouncer } from "./pgbouncer";

declare module "vitest" {
  export interface ProvidedContext {
    /** PgBouncer's URL (no database) when the run goes through it (TEST_PGBOUNCER=1), else "". */
    pgbouncerUrl: string;
  }
}

/**
 * `TEST_PGBOUNCER=1` with TEST_DATABASE_URL: one PgBouncer in transaction mode for the whole
 * run, in front of that server. Test databases are still created on the server directly; the
 * code under test reaches them through PgBouncer (tests/helpers/test-database.ts).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  project.provide("pgbouncerUrl", "");
  if (!process.env.TEST_PGBOUNCER) return;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_PGBOUNCER=1 needs TEST_DATABASE_URL, the Postgres server PgBouncer fronts");
  const bouncer = await startPgBouncer(serverUrl);
  project.provide("pgbouncerUrl", bouncer.url);
  return () => bouncer.stop();
}
