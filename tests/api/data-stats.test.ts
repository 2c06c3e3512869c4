import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/data/stats/route";
import { ingestSeasonFile } from "@/lib/data/ingest-season-file";
import { runEtl } from "@/lib/data/run-etl";
import { withTestDatabase } from "../helpers/with-test-database";

const ctx = withTestDatabase();

const stats = async () => {
  const response = await GET(new Request("http://localhost/api/data/stats"), undefined);
  expect(response.status).toBe(200);
  return response.json();
};

describe("GET /api/data/stats", () => {
  it("answers an empty database with zeros and nulls", async () => {
    const body = await stats();
    expect(body.seasons).toEqual([]);
    expect(body.totals).toMatchObject({ seasons: 0, matches: 0, teams: 0 });
    expect(body.latestResult).toBeNull();
    expect(body.lastBatch).toBeNull();
    expect(body.freshness).toEqual({
      lastCheckedAt: null,
      lastChangedAt: null,
      hoursSinceLastCheck: null,
      daysSinceLatestResult: null,
    });
  });

  it("reports seasons, latest result, fixtures, quarantine and the last batch", async () => {
    await runEtl({ db: ctx.handle.db, source: "bundled", seasons: ["2425", "2526"] });
    // A file that fails still shows as the last batch.
    const failed = await ingestSeasonFile({ db: ctx.handle.db, season: "2627", source: "bundled" });
    expect(failed.status).toBe("failed");

    const body = await stats();
    expect(body.seasons.map((s: { season: string; matches: number }) => [s.season, s.matches])).toEqual([
      ["2425", 380],
      ["2526", 380],
      ["2627", 380],
    ]);
    expect(body.totals).toEqual({ seasons: 3, matches: 1140, finished: 760, scheduled: 380, postponed: 0, teams: 51 });
    expect(body.latestResult).toMatchObject({ season: "2526", home: "West Ham", away: "Leeds", score: "3-0" });
    expect(body.latestResult.kickoff).toBe("2026-05-24T15:00:00.000Z"); // 16:00 BST
    expect(body.fixtures.pending).toBe(380);
    expect(body.quarantine.rows).toBe(0);
    expect(body.batches).toEqual({ completed: 3, skipped: 0, failed: 1 });
    expect(body.lastBatch).toMatchObject({
      status: "failed",
      season: "2627",
      location: "data/football-data-co-uk/E0_2627.csv",
    });
    expect(body.lastBatch.error).toMatch(/no such bundled file/);
    expect(body.freshness.hoursSinceLastCheck).toBeGreaterThanOrEqual(0);
    expect(body.freshness.hoursSinceLastCheck).toBeLessThan(1);
  });

  it("counts overdue fixtures: scheduled matches whose kickoff has passed", async () => {
    const body = await stats();
    // The clock decides how many 2026/27 fixtures are past; count them from the list itself.
    const kickoffs = fs
      .readFileSync(path.join("data", "fixtures", "fixturedownload_epl-2026-UTC.csv"), "utf8")
      .split("\r\n")
      .slice(1)
      .map((line) => /(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d)/.exec(line))
      .filter((m) => m !== null)
      .map((m) => Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5])));
    expect(kickoffs).toHaveLength(380);
    expect(body.fixtures.overdue).toBe(kickoffs.filter((k) => k < Date.now()).length);
    expect(body.fixtures.next === null).toBe(kickoffs.every((k) => k < Date.now()));
  });
});
