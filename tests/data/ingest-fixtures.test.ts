import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matches, quarantinedRows, teams } from "@/db/schema";
import { ensureTeams } from "@/lib/data/ensure-teams";
import { resetEnvCache } from "@/lib/env";
import { ingestFixtures } from "@/lib/data/ingest-fixtures";
import { ingestSeasonFile } from "@/lib/data/ingest-season-file";
import { withTestDatabase } from "../helpers/with-test-database";
import { startLocalServer, type LocalServer } from "./local-server";

const fixtureFile = path.join("data", "fixtures", "fixturedownload_epl-2026-UTC.csv");

const ctx = withTestDatabase();
let server: LocalServer;

beforeAll(async () => {
  await ensureTeams(ctx.handle);
  // A live football-data.co.uk stand-in whose 2026/27 file has the first two results (synthetic).
  const partial = fs.readFileSync(path.join("tests", "fixtures", "E0_2627_partial.csv"));
  server = await startLocalServer((req, res) => {
    if (req.url === "/2627/E0.csv") return void res.writeHead(200).end(partial);
    res.writeHead(404).end();
  });
});
afterAll(async () => {
  await server?.close();
});

async function stored2627() {
  const home = alias(teams, "home");
  const away = alias(teams, "away");
  return ctx.handle.db
    .select({
      id: matches.id,
      home: home.name,
      away: away.name,
      status: matches.status,
      kickoff: matches.kickoff,
      matchday: matches.matchday,
      fthg: matches.fthg,
      ftag: matches.ftag,
      source: matches.source,
    })
    .from(matches)
    .innerJoin(home, eq(home.id, matches.homeTeamId))
    .innerJoin(away, eq(away.id, matches.awayTeamId))
    .where(eq(matches.season, "2627"));
}

describe("the bundled 2026/27 fixture list", () => {
  it("stores 380 scheduled matches, 38 rounds, with every club under its canonical name", async () => {
    const summary = await ingestFixtures({ db: ctx.handle.db, source: "bundled" });
    expect(summary).toMatchObject({
      status: "completed",
      source: "fixturedownload",
      season: "2627",
      rowsRead: 380,
      inserted: 380,
      quarantined: 0,
    });
    const rows = await stored2627();
    expect(rows).toHaveLength(380);
    expect(rows.every((r) => r.status === "scheduled" && r.fthg === null)).toBe(true);
    expect(new Set(rows.map((r) => r.matchday)).size).toBe(38);
    const clubs = new Set(rows.flatMap((r) => [r.home, r.away]));
    expect([...clubs].sort()).toEqual([
      "Arsenal",
      "Aston Villa",
      "Bournemouth",
      "Brentford",
      "Brighton",
      "Chelsea",
      "Coventry",
      "Crystal Palace",
      "Everton",
      "Fulham",
      "Hull",
      "Ipswich",
      "Leeds",
      "Liverpool",
      "Man City",
      "Man United",
      "Newcastle",
      "Nott'm Forest",
      "Sunderland",
      "Tottenham",
    ]);
    // Each club plays each other club once at home.
    expect(new Set(rows.map((r) => `${r.home}-${r.away}`)).size).toBe(380);
  });

  it("skips the unchanged list on the next run", async () => {
    expect((await ingestFixtures({ db: ctx.handle.db, source: "bundled" })).status).toBe("skipped");
  });

  it("turns fixtures into finished matches when their results arrive, without duplicates", async () => {
    const before = await stored2627();
    const summary = await ingestSeasonFile({ db: ctx.handle.db, season: "2627", source: "live", baseUrl: server.url });
    expect(summary).toMatchObject({ status: "completed", rowsRead: 2, inserted: 0, updated: 2, quarantined: 0 });
    const after = await stored2627();
    expect(after).toHaveLength(380);
    const played = after
      .filter((r) => r.status === "finished")
      .sort((a, b) => a.kickoff.getTime() - b.kickoff.getTime());
    expect(played.map((r) => `${r.home} ${r.fthg}-${r.ftag} ${r.away}`)).toEqual([
      "Arsenal 2-0 Coventry",
      "Hull 1-1 Man United",
    ]);
    for (const row of played) {
      const fixture = before.find((b) => b.home === row.home && b.away === row.away)!;
      // Same row, same UTC kickoff (the file's 20:00 BST is the list's 19:00 UTC), matchday kept.
      expect(row).toMatchObject({
        id: fixture.id,
        kickoff: fixture.kickoff,
        matchday: 1,
        source: "football-data.co.uk",
      });
    }
  });

  it("does not turn a result back into a fixture when the list is loaded again", async () => {
    const summary = await ingestFixtures({ db: ctx.handle.db, source: "bundled", force: true });
    expect(summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 380 });
    expect((await stored2627()).filter((r) => r.status === "finished")).toHaveLength(2);
  });

  it("quarantines fixture rows it cannot read and keeps the rest", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fixtures-"));
    const lines = fs.readFileSync(fixtureFile, "utf8").split("\r\n");
    lines[1] = lines[1].replace("Coventry", "Coventry Rangers"); // line 2: unknown team
    lines[2] = lines[2].replace("22/08/2026 11:30", "31/02/2026 11:30"); // line 3: no such date
    lines[3] = lines[3].replace("22/08/2026", "22/08/2025"); // line 4: a year too early
    const file = path.join(dir, "fixtures.csv");
    fs.writeFileSync(file, lines.join("\r\n"));
    const summary = await ingestFixtures({ db: ctx.handle.db, source: "bundled", fixtureFile: file });
    expect(summary).toMatchObject({ rowsRead: 380, quarantined: 3, unchanged: 377 });
    const reasons = await ctx.handle.db
      .select({ line: quarantinedRows.lineNumber, reason: quarantinedRows.reason })
      .from(quarantinedRows)
      .where(eq(quarantinedRows.batchId, summary.batchId!))
      .orderBy(quarantinedRows.lineNumber);
    expect(reasons).toEqual([
      { line: 2, reason: 'Away Team unknown team "Coventry Rangers" (no such club or alias)' },
      { line: 3, reason: 'Date "31/02/2026 11:30" is not a real date and time' },
      { line: 4, reason: "kickoff 2025-08-22 is outside season 2026/27" },
    ]);
    fs.rmSync(dir, { recursive: true });
  });

  it("falls back to the bundled list when no token is set", async () => {
    delete process.env.FOOTBALL_DATA_ORG_TOKEN;
    resetEnvCache();
    const summary = await ingestFixtures({ db: ctx.handle.db, force: true });
    expect(summary).toMatchObject({ source: "fixturedownload", location: fixtureFile, status: "completed" });
    const fromList = await ctx.handle.db
      .select({ id: matches.id })
      .from(matches)
      .where(and(eq(matches.season, "2627"), eq(matches.source, "fixturedownload")));
    expect(fromList).toHaveLength(378);
  });
});
