import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingestBatches, matches, quarantinedRows, teams } from "@/db/schema";
import { ensureTeams } from "@/lib/data/ensure-teams";
import { ingestSeasonFile } from "@/lib/data/ingest-season-file";
import { withTestDatabase } from "../helpers/with-test-database";
import { CORPUS_DIR, CORPUS_HTTP, startCorpusServer } from "./corpus-server";
import type { LocalServer } from "./local-server";

// The bad-input corpus (tests/fixtures/bad-input, see its README) served as live season files.
// Each file is the first ten matches of E0_2324.csv with one defect.

const corpusDir = CORPUS_DIR;
const http = CORPUS_HTTP;

const ctx = withTestDatabase();
let server: LocalServer;

beforeAll(async () => {
  await ensureTeams(ctx.handle);
  server = await startCorpusServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(async () => {
  await ctx.handle.db.delete(matches);
});

const ingest = (name: string) =>
  ingestSeasonFile({ db: ctx.handle.db, season: "2324", source: "live", baseUrl: `${server.url}/${name}`, http });

/** The file's lines (header is line 1) that are matches, as "Home v Away". */
function fixturesOf(name: string): Map<number, string> {
  const lines = fs.readFileSync(path.join(corpusDir, name), "latin1").split("\r\n");
  const header = lines[0].split(",");
  const out = new Map<number, string>();
  lines.slice(1).forEach((line, i) => {
    const f = line.split(",");
    if (f.length > 4) out.set(i + 2, `${f[header.indexOf("HomeTeam")]} v ${f[header.indexOf("AwayTeam")]}`);
  });
  return out;
}

async function storedMatches(): Promise<string[]> {
  const home = alias(teams, "home");
  const away = alias(teams, "away");
  const rows = await ctx.handle.db
    .select({ home: home.name, away: away.name })
    .from(matches)
    .innerJoin(home, eq(home.id, matches.homeTeamId))
    .innerJoin(away, eq(away.id, matches.awayTeamId))
    .where(eq(matches.season, "2324"));
  return rows.map((r) => `${r.home} v ${r.away}`).sort();
}

describe("bad rows are quarantined and the good rows of the same file still land", () => {
  it.each([
    ["truncated-line.csv", 6, /^truncated row: 6 of 106 fields \(ends after FTHG\)$/],
    ["ftr-contradicts-goals.csv", 4, /^FTR "H" contradicts the score 1-1 \(expected D\)$/],
    ["negative-goals.csv", 5, /^FTHG "-4" is not a goal count/],
    ["zero-odds.csv", 8, /^B365H "0" is not valid decimal odds \(must be a number > 1\.0\)$/],
    ["unknown-team.csv", 9, /^HomeTeam unknown team "Real Madrid"/],
    ["duplicate-match.csv", 12, /^duplicate match: Arsenal v Nott'm Forest already on line 3$/],
    ["invalid-bytes.csv", 10, /^invalid bytes \(not text in UTF-8 or Windows-1252\) in Referee$/],
  ])("%s: line %i", async (name, badLine, reason) => {
    const summary = await ingest(name);
    const lines = fixturesOf(name);
    expect(summary).toMatchObject({
      status: "completed",
      rowsRead: lines.size,
      quarantined: 1,
      inserted: lines.size - 1,
    });

    const quarantined = await ctx.handle.db
      .select()
      .from(quarantinedRows)
      .where(eq(quarantinedRows.batchId, summary.batchId!));
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0].lineNumber).toBe(badLine);
    expect(quarantined[0].reason).toMatch(reason);
    const rawLine = fs.readFileSync(path.join(corpusDir, name), "latin1").split("\r\n")[badLine - 1];
    expect(quarantined[0].rawText.replace(/\\x00/g, "\0")).toBe(rawLine.replace(/\x81/g, "\uFFFD"));

    // Every other line of the file is stored (a duplicate's first occurrence included).
    const good = [...lines].filter(([line]) => line !== badLine).map(([, m]) => m);
    expect(await storedMatches()).toEqual([...new Set(good)].sort());
  });
});

describe("files that cannot be read at all fail clearly and store nothing", () => {
  it.each([
    ["empty.csv", /\/empty\.csv\/2324\/E0\.csv: the file is empty$/],
    ["wrong-header.csv", /wrong header: missing column\(s\) FTHG, FTAG, FTR/],
    ["html-error-page.html", /got an HTML page instead of CSV \("Service Unavailable - Zero size object"\)/],
  ])("%s", async (name, error) => {
    const summary = await ingest(name);
    expect(summary).toMatchObject({ status: "failed", retriable: false, inserted: 0, quarantined: 0 });
    expect(summary.error).toMatch(error);
    expect(summary.error).toContain(`${server.url}/${name}/2324/E0.csv`);
    const [batch] = await ctx.handle.db.select().from(ingestBatches).where(eq(ingestBatches.id, summary.batchId!));
    expect(batch).toMatchObject({
      status: "failed",
      error: summary.error,
      location: `${server.url}/${name}/2324/E0.csv`,
    });
    expect(await storedMatches()).toEqual([]);
  });

  it("tries a failed file again on the next run instead of skipping it", async () => {
    const firstTry = await ingest("wrong-header.csv");
    const secondTry = await ingest("wrong-header.csv");
    expect([firstTry.status, secondTry.status]).toEqual(["failed", "failed"]);
    expect(secondTry.sha256).toBe(firstTry.sha256);
  });
});
