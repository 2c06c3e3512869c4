import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { getAppliedMigration, MIGRATIONS_FOLDER, migrateDatabase } from "@/db/migrate-database";
import { rowsOf } from "@/db/rows";
import { matches, modelAliasHistory, teams } from "@/db/schema";
import { withTestDatabase } from "../helpers/with-test-database";

const ctx = withTestDatabase();

describe("schema and migrations", () => {
  it("creates every domain table", async () => {
    const result = await ctx.handle.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const rows = rowsOf<{ table_name: string }>(result);
    expect(rows.map((r) => r.table_name)).toEqual([
      "ingest_batches",
      "matches",
      "model_alias_history",
      "model_aliases",
      "model_versions",
      "pipeline_runs",
      "predictions",
      "quarantined_rows",
      "run_logs",
      "run_steps",
      "team_aliases",
      "teams",
    ]);
  });

  it("reports the applied migration and re-applying is a no-op", async () => {
    const before = await getAppliedMigration(ctx.handle);
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
    expect(before?.tag).toBe(journal.entries[journal.entries.length - 1].tag);
    expect(before?.pending).toBe(0);
    await migrateDatabase(ctx.handle);
    expect(await getAppliedMigration(ctx.handle)).toEqual(before);
  });

  it("enforces one match per season, home and away team, and distinct teams", async () => {
    const [a, b] = await ctx.handle.db
      .insert(teams)
      .values([{ name: "Arsenal" }, { name: "Chelsea" }])
      .returning();
    const row = {
      season: "2324",
      kickoff: new Date("2023-08-12T14:00:00Z"),
      homeTeamId: a.id,
      awayTeamId: b.id,
      status: "finished" as const,
      source: "test",
    };
    await ctx.handle.db.insert(matches).values(row);
    await expect(ctx.handle.db.insert(matches).values(row)).rejects.toThrow();
    await expect(ctx.handle.db.insert(matches).values({ ...row, season: "2425", awayTeamId: a.id })).rejects.toThrow();
    const stored = await ctx.handle.db.select().from(matches).where(eq(matches.season, "2324"));
    expect(stored).toHaveLength(1);
    expect(stored[0].kickoff.toISOString()).toBe("2023-08-12T14:00:00.000Z");
  });

  it("rejects a status outside scheduled, finished, postponed", async () => {
    await expect(
      ctx.handle.db.execute(sql`insert into matches (season, kickoff, home_team_id, away_team_id, status, source)
        values ('2324', now(), 1, 2, 'abandoned', 'test')`),
    ).rejects.toThrow();
  });

  it("keeps alias history append-only in shape (who, why, when)", async () => {
    const cols = await ctx.handle.db.execute(
      sql`select column_name from information_schema.columns where table_name = 'model_alias_history' order by column_name`,
    );
    const names = rowsOf<{ column_name: string }>(cols).map((c) => c.column_name);
    expect(names).toEqual(expect.arrayContaining(["actor", "reason", "at", "alias", "model_version_id"]));
    expect(modelAliasHistory.actor.notNull).toBe(true);
  });
});
