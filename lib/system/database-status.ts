import { count, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DatabaseHandle } from "@/db/client";
import { getAppliedMigration, type AppliedMigration } from "@/db/migrate-database";
import { ingestBatches, matches, modelVersions, pipelineRuns, predictions, quarantinedRows, teams } from "@/db/schema";

export interface TableCounts {
  teams: number;
  matches: number;
  matchesFinished: number;
  matchesScheduled: number;
  ingestBatches: number;
  quarantinedRows: number;
  pipelineRuns: number;
  modelVersions: number;
  predictions: number;
}

export type DatabaseStatus =
  | {
      status: "up";
      driver: DatabaseHandle["driver"];
      location: string;
      latencyMs: number;
      migration: AppliedMigration | null;
      counts: TableCounts;
    }
  | { status: "down"; driver: DatabaseHandle["driver"] | null; error: string };

/** Row counts of the tables the Overview shows, in one round trip. */
export async function getTableCounts({ db }: Pick<DatabaseHandle, "db">): Promise<TableCounts> {
  const n = (table: PgTable) => db.select({ n: count() }).from(table);
  const [t, m, qb, qr, r, mv, p] = await Promise.all([
    n(teams),
    db
      .select({
        n: count(),
        finished: sql<number>`count(*) filter (where ${matches.status} = 'finished')`.mapWith(Number),
        scheduled: sql<number>`count(*) filter (where ${matches.status} = 'scheduled')`.mapWith(Number),
      })
      .from(matches),
    n(ingestBatches),
    n(quarantinedRows),
    n(pipelineRuns),
    n(modelVersions),
    n(predictions),
  ]);
  return {
    teams: t[0].n,
    matches: m[0].n,
    matchesFinished: m[0].finished,
    matchesScheduled: m[0].scheduled,
    ingestBatches: qb[0].n,
    quarantinedRows: qr[0].n,
    pipelineRuns: r[0].n,
    modelVersions: mv[0].n,
    predictions: p[0].n,
  };
}

/** Database health for /api/status: never throws, a failure is reported as `down`. */
export async function getDatabaseStatus(open: () => Promise<DatabaseHandle>): Promise<DatabaseStatus> {
  let handle: DatabaseHandle;
  try {
    handle = await open();
  } catch (error) {
    return { status: "down", driver: null, error: (error as Error).message };
  }
  try {
    const started = performance.now();
    await handle.db.execute(sql`select 1`);
    const latencyMs = Math.round((performance.now() - started) * 100) / 100;
    const [migration, counts] = await Promise.all([getAppliedMigration(handle), getTableCounts(handle)]);
    return { status: "up", driver: handle.driver, location: handle.location, latencyMs, migration, counts };
  } catch (error) {
    return { status: "down", driver: handle.driver, error: (error as Error).message };
  }
}
