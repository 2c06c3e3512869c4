import fs from "node:fs";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matches, quarantinedRows } from "@/db/schema";
import { fetchCompetitionMatches } from "@/lib/data/football-data-org-client";
import { parseOrgMatches } from "@/lib/data/football-data-org-matches";
import { ingestFixtures } from "@/lib/data/ingest-fixtures";
import { ingestSeasonFile } from "@/lib/data/ingest-season-file";
import { runEtl } from "@/lib/data/run-etl";
import { SourceAuthError } from "@/lib/data/source-error";
import { withTestDatabase } from "../helpers/with-test-database";
import { catalogueResolver } from "./catalogue-resolver";
import { startLocalServer, type LocalServer } from "./local-server";

// football-data.org v4 replayed by a local server from the bundled samples:
//   /good/v4/competitions/PL/matches?season=2025  → pl_matches_sample.json (109 TIMED, 2025/26)
//   /good/v4/competitions/PL/matches?season=2023  → team65_matches_sample.json (Man City, PL and CL)
//   /limited/...  → 429 with Retry-After: 1 once, then the sample
//   anything without the right X-Auth-Token → 403

const TOKEN = "test-token-0123456789";
const sample = (name: string) => fs.readFileSync(path.join("data", "football-data-org", name));
const plSample = JSON.parse(sample("pl_matches_sample.json").toString("utf8"));
const citySample = JSON.parse(sample("team65_matches_sample.json").toString("utf8"));
const fast = { timeoutMs: 2_000, retries: 2, backoffMs: 20 };

const ctx = withTestDatabase();
let server: LocalServer;
let limited = 0;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      void res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    if (req.headers["x-auth-token"] !== TOKEN) {
      return json(403, {
        message: "The resource you are looking for is restricted. Please pass a valid API token.",
        errorCode: 403,
      });
    }
    if (url.pathname.startsWith("/limited/") && limited++ === 0) {
      return json(
        429,
        { message: "You reached your request limit. Wait 1 seconds.", errorCode: 429 },
        { "retry-after": "1" },
      );
    }
    if (url.pathname.endsWith("/v4/competitions/PL/matches")) {
      const season = url.searchParams.get("season");
      if (season === "2025")
        return void res.writeHead(200, { "content-type": "application/json" }).end(sample("pl_matches_sample.json"));
      if (season === "2023")
        return void res
          .writeHead(200, { "content-type": "application/json" })
          .end(sample("team65_matches_sample.json"));
    }
    json(404, { message: "not found" });
  });
});
afterAll(async () => {
  await server?.close();
});

describe("football-data.org v4 client", () => {
  it("sends the token and reads the competition's matches", async () => {
    const page = await fetchCompetitionMatches(2025, { token: TOKEN, baseUrl: `${server.url}/good/v4`, http: fast });
    expect(page.url).toBe(`${server.url}/good/v4/competitions/PL/matches?season=2025`);
    expect(page.matches).toHaveLength(plSample.matches.length);
    expect(server.requests.at(-1)?.headers["x-auth-token"]).toBe(TOKEN);
  });

  it("waits for Retry-After on a 429 and then succeeds", async () => {
    const retries: number[] = [];
    const page = await fetchCompetitionMatches(2025, {
      token: TOKEN,
      baseUrl: `${server.url}/limited/v4`,
      http: { ...fast, onRetry: (r) => retries.push(r.delayMs) },
    });
    expect(page.matches).toHaveLength(109);
    expect(retries).toEqual([1000]);
    const [first, second] = server.requests.filter((r) => r.path.startsWith("/limited/"));
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
  });

  it("turns a 403 into a clear bad-token error, without retrying", async () => {
    const before = server.requests.length;
    const error = await fetchCompetitionMatches(2025, {
      token: "wrong",
      baseUrl: `${server.url}/good/v4`,
      http: fast,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(SourceAuthError);
    expect(error.message).toBe(
      `football-data.org refused the token (HTTP 403) for ${server.url}/good/v4/competitions/PL/matches?season=2025: check FOOTBALL_DATA_ORG_TOKEN and its plan`,
    );
    expect(server.requests.length - before).toBe(1);
  });
});

describe("football-data.org matches", () => {
  it("maps every team of the 2025/26 sample and keeps TIMED matches as scheduled", () => {
    const parsed = parseOrgMatches(plSample.matches, catalogueResolver());
    expect(parsed.quarantined).toEqual([]);
    expect(parsed.matches).toHaveLength(109);
    expect(new Set(parsed.matches.map((m) => m.values.status))).toEqual(new Set(["scheduled"]));
    const first = parsed.matches[0];
    expect(first.values).toMatchObject({
      season: "2526",
      kickoff: new Date(plSample.matches[0].utcDate),
      matchday: plSample.matches[0].matchday,
      externalId: String(plSample.matches[0].id),
      fthg: null,
    });
    expect([first.home.name, first.away.name]).toEqual(["Everton", "Man United"]);
  });

  it("stores FINISHED with scores and POSTPONED as postponed, and quarantines other competitions", () => {
    const parsed = parseOrgMatches(citySample.matches, catalogueResolver());
    const byCompetition = (code: string) =>
      citySample.matches.filter((m: { competition: { code: string } }) => m.competition.code === code);
    const pl = byCompetition("PL");
    expect(parsed.quarantined).toHaveLength(byCompetition("CL").length);
    expect(parsed.quarantined[0].reason).toBe("not a Premier League match (competition CL)");
    expect(parsed.matches).toHaveLength(pl.length);
    const statusOf = (s: string) => pl.filter((m: { status: string }) => m.status === s).length;
    const stored = (s: string) => parsed.matches.filter((m) => m.values.status === s).length;
    expect(stored("finished")).toBe(statusOf("FINISHED"));
    expect(stored("postponed")).toBe(statusOf("POSTPONED"));
    expect(stored("scheduled")).toBe(statusOf("TIMED") + statusOf("SCHEDULED"));
    const finished = pl.find((m: { status: string }) => m.status === "FINISHED");
    const mapped = parsed.matches.find((m) => m.values.externalId === String(finished.id))!;
    expect(mapped.values).toMatchObject({
      season: "2324",
      fthg: finished.score.fullTime.home,
      ftag: finished.score.fullTime.away,
      hthg: finished.score.halfTime.home,
    });
  });

  it("quarantines a match whose team nobody knows or whose status is unknown", () => {
    const match = plSample.matches[0];
    const parsed = parseOrgMatches(
      [
        { ...match, homeTeam: { id: 1, name: "Real Madrid CF", shortName: "Real Madrid", tla: "RMA" } },
        { ...match, status: "EXPLODED" },
        { ...match, utcDate: "tomorrow" },
      ],
      catalogueResolver(),
    );
    expect(parsed.quarantined.map((q) => [q.line, q.reason])).toEqual([
      [1, 'unknown team "Real Madrid CF"'],
      [2, 'status "EXPLODED" is not one we store'],
      [3, expect.stringMatching(/^utcDate: /)],
    ]);
  });
});

describe("fixtures from football-data.org in the database", () => {
  it("never lets a fixture source overwrite a match a results file stored", async () => {
    await runEtl({ db: ctx.handle.db, source: "bundled", seasons: ["2526"], fixtures: false });
    const summary = await ingestFixtures({
      db: ctx.handle.db,
      source: "football-data.org",
      token: TOKEN,
      orgBaseUrl: `${server.url}/good/v4`,
      seasonStartYear: 2025,
      http: fast,
    });
    // All 109 sample matches were played later in 2025/26: the results file already has them.
    expect(summary).toMatchObject({
      status: "completed",
      source: "football-data.org",
      season: "2526",
      inserted: 0,
      updated: 0,
      unchanged: 109,
    });
    const scheduled = await ctx.handle.db
      .select({ n: count() })
      .from(matches)
      .where(and(eq(matches.season, "2526"), eq(matches.status, "scheduled")));
    expect(scheduled[0].n).toBe(0);
  });

  it("records a refused token as a failed fixtures batch that names the URL", async () => {
    const summary = await ingestFixtures({
      db: ctx.handle.db,
      source: "football-data.org",
      token: "wrong",
      orgBaseUrl: `${server.url}/good/v4`,
      seasonStartYear: 2025,
      http: fast,
    });
    const url = `${server.url}/good/v4/competitions/PL/matches?season=2025`;
    expect(summary).toMatchObject({ status: "failed", source: "football-data.org", location: url, retriable: false });
    expect(summary.error).toContain("refused the token (HTTP 403)");
  });

  it("turns football-data.org's results into the results file's rows without duplicating them", async () => {
    const org = await ingestFixtures({
      db: ctx.handle.db,
      source: "football-data.org",
      token: TOKEN,
      orgBaseUrl: `${server.url}/good/v4`,
      seasonStartYear: 2023,
      http: fast,
    });
    const pl = citySample.matches.filter((m: { competition: { code: string } }) => m.competition.code === "PL").length;
    expect(org).toMatchObject({ status: "completed", inserted: pl, quarantined: citySample.matches.length - pl });
    const quarantined = await ctx.handle.db
      .select()
      .from(quarantinedRows)
      .where(eq(quarantinedRows.batchId, org.batchId!));
    expect(quarantined.every((q) => q.reason.startsWith("not a Premier League match"))).toBe(true);

    const results = await ingestSeasonFile({ db: ctx.handle.db, season: "2324", source: "bundled" });
    expect(results).toMatchObject({ inserted: 380 - pl, updated: pl, unchanged: 0 });
    const rows = await ctx.handle.db.select().from(matches).where(eq(matches.season, "2324"));
    expect(rows).toHaveLength(380);
    expect(rows.every((r) => r.status === "finished" && r.source === "football-data.co.uk")).toBe(true);
    // The football-data.org id and matchday survive the results file.
    expect(rows.filter((r) => r.externalId !== null)).toHaveLength(pl);
  });
});
