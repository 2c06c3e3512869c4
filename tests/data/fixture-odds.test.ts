import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { matches, quarantinedRows, teams } from "@/db/schema";
import { ensureTeams } from "@/lib/data/ensure-teams";
import { parseFixtureOdds } from "@/lib/data/parse-fixture-odds";
import { runEtl } from "@/lib/data/run-etl";
import { loadTeamResolver } from "@/lib/data/team-resolver";
import { fixturesFile, ukDateTime } from "../helpers/fixtures-file";
import { withTestDatabase } from "../helpers/with-test-database";
import { startLocalServer, type LocalServer } from "./local-server";

const ctx = withTestDatabase();
let server: LocalServer;
let fixtureFile: Buffer = fixturesFile([]);

beforeAll(async () => {
  await ensureTeams({ db: ctx.handle.db });
  // Stands in for football-data.co.uk: the fixtures file, and no season file newer than the snapshot.
  server = await startLocalServer((req, res) => {
    if (req.url === "/fixtures.csv") return void res.writeHead(200, { "content-type": "text/csv" }).end(fixtureFile);
    res.writeHead(404).end("Not Found");
  });
  return () => server.close();
});

const etl = (source: "auto" | "live", seasons?: string[]) =>
  runEtl({
    db: ctx.handle.db,
    source,
    seasons,
    baseUrl: `${server.url}/mmz4281`,
    fixtureOddsUrl: `${server.url}/fixtures.csv`,
  });

describe("football-data.co.uk's fixtures file", () => {
  it("keeps the Premier League's rows, quarantines bad ones with their reason, and leaves other leagues out", async () => {
    const bytes = fixturesFile([
      { date: "05/12/2026", time: "15:00", home: "Bournemouth", away: "Hull", b365: [2.1, 3.4, 3.5] },
      { div: "E1", date: "05/12/2026", time: "15:00", home: "Leicester", away: "Wrexham", b365: [2, 3.3, 3.8] },
      { div: "SP1", date: "06/12/2026", time: "20:00", home: "Real Madrid", away: "Sevilla", b365: [1.4, 5, 7] },
      { date: "05/12/2026", time: "15:00", home: "Real Madrid", away: "Chelsea", b365: [2, 3, 4] },
      { date: "05/12/2026", time: "17:30", home: "Aston Villa", away: "Crystal Palace", b365: [0.9, 3.4, 3.5] },
      { date: "05/12/2026", time: "15:00", home: "Bournemouth", away: "Hull", b365: [2.2, 3.4, 3.3] },
    ]);
    const parsed = parseFixtureOdds({
      bytes,
      location: "fixtures.csv",
      resolveTeam: await loadTeamResolver({ db: ctx.handle.db }),
    });
    expect(parsed.rowsRead).toBe(6);
    expect(parsed.otherDivisions).toBe(2);
    expect(parsed.fixtures.map((f) => [f.home.name, f.away.name, f.season, f.kickoff.toISOString()])).toEqual([
      ["Bournemouth", "Hull", "2627", "2026-12-05T15:00:00.000Z"],
    ]);
    expect(parsed.fixtures[0].odds).toMatchObject({ b365H: 2.1, b365D: 3.4, b365A: 3.5, psH: null });
    expect(parsed.quarantined.map((q) => [q.line, q.reason])).toEqual([
      [5, 'HomeTeam unknown team "Real Madrid" (no such club or alias)'],
      [6, expect.stringMatching(/^B365H /)],
      [7, "duplicate fixture: Bournemouth v Hull already on line 2"],
    ]);
  });

  it("auto: stores the odds on the scheduled matches, then an unchanged file changes nothing", async () => {
    const first = await etl(
      "auto",
      ["2526", "2627"].filter((s) => s !== "2627"),
    );
    expect(first.totals.failed).toBe(0);
    // The next two fixtures of the bundled list, with odds (Bet365 and Pinnacle), and one the list lacks.
    const next = await ctx.handle.db
      .select({ id: matches.id, kickoff: matches.kickoff, home: teams.name, awayId: matches.awayTeamId })
      .from(matches)
      .innerJoin(teams, eq(teams.id, matches.homeTeamId))
      .where(eq(matches.status, "scheduled"))
      .orderBy(matches.kickoff, matches.id)
      .limit(2);
    const names = new Map((await ctx.handle.db.select().from(teams)).map((t) => [t.id, t.name] as const));
    fixtureFile = fixturesFile(
      next.map((m, i) => ({
        ...ukDateTime(m.kickoff),
        home: m.home,
        away: names.get(m.awayId)!,
        b365: [2 + i, 3.4, 3.6],
        ps: [2.05 + i, 3.5, 3.7],
      })),
    );
    const second = await etl("auto", ["2526"]);
    const odds = second.files.find((f) => f.location.endsWith("/fixtures.csv"));
    expect(odds).toMatchObject({ status: "completed", rowsRead: 2, updated: 2, inserted: 0, quarantined: 0 });
    expect(second.changed).toBe(true);
    const stored = await ctx.handle.db.select().from(matches).where(eq(matches.id, next[1].id));
    expect(stored[0]).toMatchObject({ status: "scheduled", b365H: 3, psH: 3.05, b365ClosingH: null });
    // The fixture list loaded again (forced) keeps the odds.
    await runEtl({ db: ctx.handle.db, source: "bundled", seasons: ["2526"], force: true });
    expect((await ctx.handle.db.select().from(matches).where(eq(matches.id, next[1].id)))[0].b365H).toBe(3);
    const third = await etl("auto", ["2526"]);
    expect(third.files.find((f) => f.location.endsWith("/fixtures.csv"))?.status).toBe("skipped");
    expect(await ctx.handle.db.select().from(quarantinedRows)).toEqual([]);
  });

  it("auto and offline: says so, loads the snapshot alone, and fails nothing", async () => {
    const summary = await runEtl({
      db: ctx.handle.db,
      source: "auto",
      baseUrl: "http://no-such-host.invalid/mmz4281",
      fixtureOddsUrl: "http://no-such-host.invalid/fixtures.csv",
      fixtures: false,
    });
    expect(summary.totals).toMatchObject({ failed: 0, files: 33 });
    expect(summary.offline).toEqual([
      expect.objectContaining({
        season: "2627",
        status: "failed",
        unreachable: true,
        error: expect.stringContaining("no such host"),
      }),
    ]);
  });

  it("live: a fixtures file that is not there fails its step and the run says which", async () => {
    fixtureFile = Buffer.alloc(0);
    const summary = await etl("live", ["2526"]);
    expect(summary.files.find((f) => f.location.endsWith("/fixtures.csv"))).toMatchObject({
      status: "failed",
      error: expect.stringContaining("the file is empty"),
    });
    expect(summary.totals.failed).toBeGreaterThanOrEqual(1);
    const scheduled = await ctx.handle.db
      .select({ n: matches.id })
      .from(matches)
      .where(and(eq(matches.status, "scheduled")));
    expect(scheduled.length).toBeGreaterThan(0);
  });
});
