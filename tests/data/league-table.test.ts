import { beforeAll, describe, expect, it } from "vitest";
import { buildLeagueTable, getLeagueTable } from "@/lib/data/league-table";
import { runEtl } from "@/lib/data/run-etl";
import { withTestDatabase } from "../helpers/with-test-database";

describe("buildLeagueTable", () => {
  it("scores a hand-worked mini league and orders by points, goal difference, goals, name", () => {
    // A 3-0 B, B 1-1 C, C 2-1 A, A 1-1 B (A: W1 D1 L1 5-3 4 pts; C: W1 D1 3-2 4 pts; B: D2 L1 2-5 2 pts).
    const table = buildLeagueTable([
      { homeTeam: "A", awayTeam: "B", homeGoals: 3, awayGoals: 0 },
      { homeTeam: "B", awayTeam: "C", homeGoals: 1, awayGoals: 1 },
      { homeTeam: "C", awayTeam: "A", homeGoals: 2, awayGoals: 1 },
      { homeTeam: "A", awayTeam: "B", homeGoals: 1, awayGoals: 1 },
    ]);
    expect(table).toEqual([
      {
        position: 1,
        team: "A",
        played: 3,
        won: 1,
        drawn: 1,
        lost: 1,
        goalsFor: 5,
        goalsAgainst: 3,
        goalDifference: 2,
        points: 4,
      },
      {
        position: 2,
        team: "C",
        played: 2,
        won: 1,
        drawn: 1,
        lost: 0,
        goalsFor: 3,
        goalsAgainst: 2,
        goalDifference: 1,
        points: 4,
      },
      {
        position: 3,
        team: "B",
        played: 3,
        won: 0,
        drawn: 2,
        lost: 1,
        goalsFor: 2,
        goalsAgainst: 5,
        goalDifference: -3,
        points: 2,
      },
    ]);
  });

  it("breaks a tie on points and goal difference by goals scored, then by name", () => {
    const table = buildLeagueTable([
      { homeTeam: "Y", awayTeam: "X", homeGoals: 2, awayGoals: 2 },
      { homeTeam: "Z", awayTeam: "W", homeGoals: 0, awayGoals: 0 },
    ]);
    expect(table.map((r) => r.team)).toEqual(["X", "Y", "W", "Z"]);
  });

  it("is empty without results", () => {
    expect(buildLeagueTable([])).toEqual([]);
  });
});

describe("getLeagueTable", () => {
  const ctx = withTestDatabase();
  beforeAll(async () => {
    await runEtl({ db: ctx.handle.db, source: "bundled", seasons: ["1516", "2324"] });
  });

  it("rebuilds 2023/24 from the stored results: Man City first on 91 points", async () => {
    const table = await getLeagueTable({ db: ctx.handle.db, season: "2324" });
    expect(table).toHaveLength(20);
    expect(table.every((r) => r.played === 38)).toBe(true);
    expect(table[0]).toMatchObject({
      team: "Man City",
      won: 28,
      drawn: 7,
      lost: 3,
      goalsFor: 96,
      goalsAgainst: 34,
      points: 91,
    });
    expect(table[1]).toMatchObject({ team: "Arsenal", points: 89 });
    // Results only: Everton's 8-point deduction of that season is not in them (official total 40).
    expect(table.find((r) => r.team === "Everton")?.points).toBe(48);
    expect(table.reduce((n, r) => n + r.goalsFor - r.goalsAgainst, 0)).toBe(0);
  });

  it("rebuilds 2015/16: Leicester champions", async () => {
    const [first] = await getLeagueTable({ db: ctx.handle.db, season: "1516" });
    expect(first).toMatchObject({ team: "Leicester", won: 23, drawn: 12, lost: 3, points: 81 });
  });

  it("is empty for the 2026/27 fixtures, which have no results", async () => {
    expect(await getLeagueTable({ db: ctx.handle.db, season: "2627" })).toEqual([]);
  });
});
