import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { matches } from "@/db/schema";
import { ensureTeams } from "@/lib/data/ensure-teams";
import { matchRowHash } from "@/lib/data/match-row-hash";
import type { MatchValues, ParsedMatch } from "@/lib/data/season-row-schema";
import { loadTeamResolver } from "@/lib/data/team-resolver";
import { upsertMatches } from "@/lib/data/upsert-matches";
import { withTestDatabase } from "../helpers/with-test-database";

const ctx = withTestDatabase();
let match: (home: string, away: string, values: Partial<MatchValues>) => ParsedMatch & { hash: string };

beforeAll(async () => {
  await ensureTeams(ctx.handle);
  const resolve = await loadTeamResolver(ctx.handle);
  match = (homeName, awayName, values) => {
    const home = resolve(homeName)!;
    const away = resolve(awayName)!;
    const m: ParsedMatch = {
      home,
      away,
      values: {
        season: "2324",
        kickoff: new Date("2023-08-12T14:00:00Z"),
        kickoffTimeKnown: true,
        homeTeamId: home.id,
        awayTeamId: away.id,
        status: "finished",
        source: "football-data.co.uk",
        ...values,
      },
    };
    return { ...m, hash: matchRowHash(m) };
  };
});

describe("upsertMatches", () => {
  it("counts inserted, updated and unchanged rows and keeps text exactly", async () => {
    const referee = 'A "Quote", \\Back{slash}';
    const rows = [
      match("Arsenal", "Chelsea", { fthg: 2, ftag: 1, ftr: "H", referee, b365H: 1.85 }),
      match("Chelsea", "Arsenal", { fthg: 0, ftag: 0, ftr: "D", referee: null, b365H: null }),
    ];
    expect(await upsertMatches(ctx.handle.db, rows, { batchId: null, policy: "result" })).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    const [stored] = await ctx.handle.db.select().from(matches).where(eq(matches.homeTeamId, rows[0].home.id));
    expect(stored).toMatchObject({
      referee,
      b365H: 1.85,
      fthg: 2,
      kickoff: new Date("2023-08-12T14:00:00Z"),
      sourceRowHash: rows[0].hash,
    });

    const revised = [rows[0], match("Chelsea", "Arsenal", { fthg: 0, ftag: 1, ftr: "A" })];
    expect(await upsertMatches(ctx.handle.db, revised, { batchId: null, policy: "result" })).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
    expect(await upsertMatches(ctx.handle.db, revised, { batchId: null, policy: "result" })).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it("never lets a fixture overwrite a results-file row, but lets it insert and update fixtures", async () => {
    const fixture = (home: string, away: string, day: string) =>
      match(home, away, { status: "scheduled", source: "fixturedownload", kickoff: new Date(day), matchday: 3 });
    const counts = await upsertMatches(
      ctx.handle.db,
      [fixture("Arsenal", "Chelsea", "2023-09-01T14:00:00Z"), fixture("Everton", "Fulham", "2023-09-02T14:00:00Z")],
      { batchId: null, policy: "fixture" },
    );
    expect(counts).toEqual({ inserted: 1, updated: 0, unchanged: 1 });
    const moved = await upsertMatches(ctx.handle.db, [fixture("Everton", "Fulham", "2023-09-03T14:00:00Z")], {
      batchId: null,
      policy: "fixture",
    });
    expect(moved).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const [result] = await ctx.handle.db.select().from(matches).where(eq(matches.referee, 'A "Quote", \\Back{slash}'));
    expect(result.status).toBe("finished");
  });

  it("does nothing for no rows", async () => {
    expect(await upsertMatches(ctx.handle.db, [], { batchId: null, policy: "result" })).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 0,
    });
  });
});
