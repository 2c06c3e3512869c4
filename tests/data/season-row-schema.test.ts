import { describe, expect, it } from "vitest";
import { createSeasonRowSchema, type SeasonRowInput } from "@/lib/data/season-row-schema";
import { catalogueResolver } from "./catalogue-resolver";

const schema = createSeasonRowSchema({ season: "2324", resolveTeam: catalogueResolver() });

// Burnley v Man City, the first row of E0_2324.csv, trimmed to a few odds.
const good: SeasonRowInput = {
  cells: {
    division: "E0",
    date: "11/08/2023",
    time: "20:00",
    homeTeam: "Burnley",
    awayTeam: "Man City",
    fthg: "0",
    ftag: "3",
    ftr: "A",
    hthg: "0",
    htag: "2",
    htr: "A",
    referee: "C Pawson",
  },
  counts: { homeShots: "6", awayShots: "17", homeRed: "1", awayRed: "0" },
  odds: { b365H: "8", b365D: "5.5", b365A: "1.33", psH: "" },
};

/** The good row with some cells changed. */
const withCells = (cells: Partial<SeasonRowInput["cells"]>): SeasonRowInput => ({ ...good, cells: { ...good.cells, ...cells } });

const issues = (input: SeasonRowInput) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${String(i.path.at(-1) ?? "")}: ${i.message}`);
};

describe("football-data.co.uk row validation", () => {
  it("turns a good row into stored values, kickoff in UTC", () => {
    const parsed = schema.parse(good);
    expect(parsed.home.name).toBe("Burnley");
    expect(parsed.values).toMatchObject({
      season: "2324",
      kickoff: new Date("2023-08-11T19:00:00Z"),
      kickoffTimeKnown: true,
      status: "finished",
      fthg: 0,
      ftag: 3,
      ftr: "A",
      homeShots: 6,
      homeRed: 1,
      b365A: 1.33,
      psH: null, // empty cell
      avgH: null, // column absent
      attendance: null,
      source: "football-data.co.uk",
    });
  });

  it("stands in 15:00 UK time when a file has no Time column", () => {
    const parsed = schema.parse(withCells({ time: "", date: "26/12/23" }));
    expect(parsed.values.kickoff).toEqual(new Date("2023-12-26T15:00:00Z"));
    expect(parsed.values.kickoffTimeKnown).toBe(false);
  });

  it("rejects a result that contradicts the goals, full time and half time", () => {
    expect(issues(withCells({ ftr: "H" }))).toEqual([': FTR "H" contradicts the score 0-3 (expected A)']);
    expect(issues(withCells({ htr: "D" }))).toEqual([': HTR "D" contradicts the half-time score 0-2 (expected A)']);
    expect(issues(withCells({ htag: "4" }))).toEqual([": half-time score 0-4 exceeds the full-time score 0-3"]);
    expect(issues(withCells({ htag: "" }))).toEqual([": HTHG and HTAG must both be given or both be empty"]);
  });

  it("rejects goals that are not whole numbers ≥ 0 and results other than H, D, A", () => {
    expect(issues(withCells({ fthg: "-1" }))).toEqual(['fthg: "-1" is not a goal count (a whole number ≥ 0)']);
    expect(issues(withCells({ ftag: "" }))).toEqual(["ftag: is empty"]);
    expect(issues(withCells({ ftr: "W" }))).toEqual(['ftr: "W" is not H, D or A']);
  });

  it("rejects odds of 1.0 or less and non-numbers, and negative counts", () => {
    expect(issues({ ...good, odds: { b365H: "0" } })).toEqual(['b365H: "0" is not valid decimal odds (must be a number > 1.0)']);
    expect(issues({ ...good, odds: { b365H: "1" } })).toHaveLength(1);
    expect(issues({ ...good, odds: { b365H: "1.01", b365D: "evens" } })).toEqual([
      'b365D: "evens" is not valid decimal odds (must be a number > 1.0)',
    ]);
    expect(issues({ ...good, counts: { homeShots: "-2" } })).toEqual(['homeShots: "-2" is not a whole number ≥ 0']);
  });

  it("rejects unknown teams, a club playing itself, dates outside the season and other divisions", () => {
    expect(issues(withCells({ homeTeam: "Real Madrid" }))).toEqual(['homeTeam: unknown team "Real Madrid" (no such club or alias)']);
    expect(issues(withCells({ awayTeam: "Burnley" }))).toEqual([": HomeTeam and AwayTeam are the same club (Burnley)"]);
    expect(issues(withCells({ date: "11/08/2024" }))).toEqual([
      ": date 2024-08-11 is outside season 2023/24 (2023-07-01 to 2024-07-31)",
    ]);
    expect(issues(withCells({ date: "31/02/2024" }))).toEqual(['date: "31/02/2024" is not a real date']);
    expect(issues(withCells({ time: "8pm" }))).toEqual(['time: "8pm" is not a time (HH:MM)']);
    expect(issues(withCells({ division: "E1" }))).toEqual(['division: "E1" is not E0 (the Premier League)']);
  });
});
