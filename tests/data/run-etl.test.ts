import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestBatches, matches, quarantinedRows, teams } from "@/db/schema";
import { getDataStats } from "@/lib/data/data-stats";
import { ingestSeasonFile } from "@/lib/data/ingest-season-file";
import { runEtl, type EtlSummary } from "@/lib/data/run-etl";
import { BUNDLED_SEASONS } from "@/lib/data/season-code";
import { withTestDatabase } from "../helpers/with-test-database";

// The one test file that loads all 33 seasons (plus the 2026/27 fixtures); the other data tests
// load a season or two.

const ctx = withTestDatabase();
let first: EtlSummary;

const expectedMatches = (season: string) => (season === "9394" || season === "9495" ? 462 : 380);
const totalMatches = BUNDLED_SEASONS.reduce((n, s) => n + expectedMatches(s), 0);

beforeAll(async () => {
  first = await runEtl({ db: ctx.handle.db, source: "bundled" });
});

interface TableRow {
  team: string;
  played: number;
  won: number;
  drawn: number;
  lost: number;
  goalDifference: number;
  points: number;
}

/** A league table from the stored results: 3 points a win, 1 a draw, no deductions. */
async function leagueTable(season: string): Promise<TableRow[]> {
  const home = alias(teams, "home");
  const away = alias(teams, "away");
  const results = await ctx.handle.db
    .select({ home: home.name, away: away.name, fthg: matches.fthg, ftag: matches.ftag })
    .from(matches)
    .innerJoin(home, eq(home.id, matches.homeTeamId))
    .innerJoin(away, eq(away.id, matches.awayTeamId))
    .where(and(eq(matches.season, season), eq(matches.status, "finished")));
  const rows = new Map<string, TableRow>();
  const row = (team: string) => {
    if (!rows.has(team)) rows.set(team, { team, played: 0, won: 0, drawn: 0, lost: 0, goalDifference: 0, points: 0 });
    return rows.get(team)!;
  };
  for (const r of results) {
    const [h, a] = [row(r.home), row(r.away)];
    const diff = r.fthg! - r.ftag!;
    h.played++;
    a.played++;
    h.goalDifference += diff;
    a.goalDifference -= diff;
    if (diff > 0) [h.won, a.lost, h.points] = [h.won + 1, a.lost + 1, h.points + 3];
    else if (diff < 0) [a.won, h.lost, a.points] = [a.won + 1, h.lost + 1, a.points + 3];
    else [h.drawn, a.drawn, h.points, a.points] = [h.drawn + 1, a.drawn + 1, h.points + 1, a.points + 1];
  }
  return [...rows.values()].sort((x, y) => y.points - x.points || y.goalDifference - x.goalDifference);
}

describe("full ETL of the bundled snapshot", () => {
  it("loads each of the 33 season files with exactly its number of matches and quarantines nothing", async () => {
    const seasonFiles = first.files.filter((f) => f.source === "football-data.co.uk");
    expect(seasonFiles.map((f) => f.season)).toEqual([...BUNDLED_SEASONS]);
    for (const f of seasonFiles) {
      expect(f, f.location).toMatchObject({ status: "completed", quarantined: 0, updated: 0, unchanged: 0 });
      expect(f.rowsRead, f.location).toBe(expectedMatches(f.season!));
      expect(f.inserted, f.location).toBe(expectedMatches(f.season!));
    }
    const stored = await ctx.handle.db
      .select({ season: matches.season, n: count() })
      .from(matches)
      .where(eq(matches.status, "finished"))
      .groupBy(matches.season);
    expect(Object.fromEntries(stored.map((s) => [s.season, s.n]))).toEqual(
      Object.fromEntries(BUNDLED_SEASONS.map((s) => [s, expectedMatches(s)])),
    );
    expect((await ctx.handle.db.select({ n: count() }).from(quarantinedRows))[0].n).toBe(0);
    expect(first.totals).toMatchObject({ files: 34, completed: 34, failed: 0, inserted: totalMatches + 380 });
    expect(first.changed).toBe(true);
  });

  it.each([
    ["2324", "Man City", 91],
    ["1516", "Leicester", 81],
    ["0304", "Arsenal", 90],
    ["1718", "Man City", 100],
  ])("rebuilds the %s table: %s champions with %i points", async (season, champion, points) => {
    const table = await leagueTable(season);
    expect(table).toHaveLength(20);
    expect(table.every((r) => r.played === 38)).toBe(true);
    expect(table[0]).toMatchObject({ team: champion, points });
    expect(table[1].points).toBeLessThan(points);
  });

  it("has Arsenal unbeaten in 2003/04", async () => {
    const arsenal = (await leagueTable("0304")).find((r) => r.team === "Arsenal");
    expect(arsenal).toMatchObject({ won: 26, drawn: 12, lost: 0 });
  });

  it("stores the 2026/27 fixture list as scheduled matches with UTC kickoffs", async () => {
    const fixtures = first.files.find((f) => f.source === "fixturedownload");
    expect(fixtures).toMatchObject({
      status: "completed",
      season: "2627",
      rowsRead: 380,
      inserted: 380,
      quarantined: 0,
    });
    const [opener] = await ctx.handle.db
      .select()
      .from(matches)
      .where(and(eq(matches.season, "2627"), eq(matches.matchday, 1)))
      .orderBy(matches.kickoff)
      .limit(1);
    expect(opener).toMatchObject({
      status: "scheduled",
      kickoff: new Date("2026-08-21T19:00:00Z"),
      fthg: null,
      ftr: null,
    });
  });

  it("reports coverage, freshness and fixtures through getDataStats", async () => {
    const now = new Date("2026-08-01T00:00:00Z");
    const stats = await getDataStats({ db: ctx.handle.db, now });
    expect(stats.totals).toEqual({
      seasons: 34,
      matches: totalMatches + 380,
      finished: totalMatches,
      scheduled: 380,
      postponed: 0,
      teams: 51,
    });
    expect(stats.seasons[0]).toMatchObject({ season: "9394", label: "1993/94", matches: 462, finished: 462 });
    expect(stats.seasons.at(-1)).toMatchObject({ season: "2627", matches: 380, scheduled: 380 });
    // The last matchday of 2025/26 was 24/05/2026 (data/README.md).
    expect(stats.latestResult?.kickoff.slice(0, 10)).toBe("2026-05-24");
    expect(stats.fixtures.pending).toBe(380);
    expect(stats.fixtures.overdue).toBe(0);
    expect(stats.fixtures.next).toMatchObject({
      home: "Arsenal",
      away: "Coventry",
      kickoff: "2026-08-21T19:00:00.000Z",
      score: null,
    });
    expect(stats.quarantine.rows).toBe(0);
    expect(stats.batches.completed).toBeGreaterThanOrEqual(34);
    expect(stats.freshness.lastCheckedAt).not.toBeNull();
  });

  it("changes nothing when run again: every file skipped by its sha256, no new rows", async () => {
    const before = (await ctx.handle.db.select({ n: count() }).from(matches))[0].n;
    const again = await runEtl({ db: ctx.handle.db, source: "bundled" });
    expect(again.totals).toMatchObject({ files: 34, skipped: 34, completed: 0, inserted: 0, updated: 0 });
    expect(again.changed).toBe(false);
    expect(again.teams.written).toBe(0);
    expect((await ctx.handle.db.select({ n: count() }).from(matches))[0].n).toBe(before);
    const skipped = await ctx.handle.db
      .select({ n: count() })
      .from(ingestBatches)
      .where(eq(ingestBatches.status, "skipped"));
    expect(skipped[0].n).toBe(34);
  });

  it("finds every row unchanged when forced to read the files again", async () => {
    const forced = await runEtl({ db: ctx.handle.db, source: "bundled", force: true });
    expect(forced.totals).toMatchObject({ completed: 34, inserted: 0, updated: 0, unchanged: totalMatches + 380 });
    expect(forced.changed).toBe(false);
  });

  it("updates only the rows a revised file changed", async () => {
    // A revised 2021/22 file, as the publisher did in 2026: one half-time score and one price differ.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "etl-revised-"));
    const original = fs.readFileSync(path.join("data", "football-data-co-uk", "E0_2122.csv"), "utf8");
    const lines = original.split("\r\n");
    const header = lines[0].replace(/^\uFEFF/, "").split(",");
    const edit = (line: number, column: string, value: string) => {
      const fields = lines[line - 1].split(",");
      fields[header.indexOf(column)] = value;
      lines[line - 1] = fields.join(",");
    };
    edit(10, "B365H", "9.99");
    edit(200, "Referee", "A N Other");
    fs.mkdirSync(path.join(dir, "football-data-co-uk"));
    fs.writeFileSync(path.join(dir, "football-data-co-uk", "E0_2122.csv"), lines.join("\r\n"));
    const idsBefore = await ctx.handle.db.select({ id: matches.id }).from(matches).where(eq(matches.season, "2122"));

    const summary = await ingestSeasonFile({ db: ctx.handle.db, season: "2122", source: "bundled", dataDir: dir });
    expect(summary).toMatchObject({ status: "completed", rowsRead: 380, inserted: 0, updated: 2, unchanged: 378 });
    const changed = await ctx.handle.db
      .select({ b365H: matches.b365H, referee: matches.referee })
      .from(matches)
      .where(and(eq(matches.season, "2122"), eq(matches.batchId, summary.batchId!)));
    expect(changed).toHaveLength(2);
    expect(changed.map((c) => c.b365H)).toContain(9.99);
    expect(changed.map((c) => c.referee)).toContain("A N Other");
    const idsAfter = await ctx.handle.db.select({ id: matches.id }).from(matches).where(eq(matches.season, "2122"));
    expect(idsAfter.map((r) => r.id).sort()).toEqual(idsBefore.map((r) => r.id).sort());
    fs.rmSync(dir, { recursive: true });
  });

  it("keeps kickoffs in UTC through the database", async () => {
    const rows = await ctx.handle.db
      .select({ kickoff: matches.kickoff, known: matches.kickoffTimeKnown })
      .from(matches)
      .where(and(eq(matches.season, "2324"), sql`${matches.kickoff} < '2023-08-12'`));
    expect(rows).toEqual([{ kickoff: new Date("2023-08-11T19:00:00Z"), known: true }]);
  });
});
