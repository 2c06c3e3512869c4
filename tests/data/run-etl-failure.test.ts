import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { runEtl } from "@/lib/data/run-etl";
import { withTestDatabase } from "../helpers/with-test-database";

const ctx = withTestDatabase();

const batches = async () =>
  rowsOf<{ season: string; status: string }>(
    await ctx.handle.db.execute(sql`select season, status from ingest_batches order by season, id`),
  );

describe("runEtl with two files in flight", () => {
  it("loads a season listed twice once", async () => {
    const summary = await runEtl({ db: ctx.handle.db, source: "bundled", seasons: ["2223", "2223"], fixtures: false });
    expect(summary.files.map((f) => [f.season, f.status, f.inserted])).toEqual([["2223", "completed", 380]]);
  });

  it("rejects on a database error only once the other file in flight has settled, and loses neither file's atomicity", async () => {
    const { db } = ctx.handle;
    // A database error in one file's transaction, while the next file's is under way.
    await db.execute(
      sql.raw(`
      create function refuse_2324() returns trigger language plpgsql as $$
      begin
        if new.season = '2324' then raise exception 'refused for the test'; end if;
        return new;
      end $$`),
    );
    await db.execute(
      sql.raw("create trigger refuse_2324 before insert on matches for each row execute function refuse_2324()"),
    );
    try {
      const reported: string[] = [];
      const run = runEtl({
        db,
        source: "bundled",
        seasons: ["2324", "2425"],
        fixtures: false,
        onProgress: (e) =>
          void (e.type === "file" && reported.push(`${e.summary.season} ${e.summary.status} ${e.summary.inserted}`)),
      });
      await expect(run).rejects.toThrow(/refused for the test/);
      // 2425's transaction was under way when 2324's failed: it finished before the run
      // rejected, and was reported; 2324 rolled back whole.
      expect(reported).toEqual(["2425 completed 380"]);
      expect(await batches()).toEqual([
        { season: "2223", status: "completed" },
        { season: "2425", status: "completed" },
      ]);
      const counts = rowsOf<{ season: string; n: number }>(
        await db.execute(
          sql`select season, count(*)::int as n from matches where season in ('2324', '2425') group by season`,
        ),
      );
      expect(counts).toEqual([{ season: "2425", n: 380 }]);
    } finally {
      await db.execute(sql.raw("drop trigger refuse_2324 on matches"));
      await db.execute(sql.raw("drop function refuse_2324()"));
    }
  });
});
