import { describe, expect, it } from "vitest";
import { selectColumns } from "@/lib/data/season-columns";
import { createSeasonRowSchema } from "@/lib/data/season-row-schema";
import { catalogueResolver } from "./catalogue-resolver";

// Burnley v Man City, the first row of E0_2324.csv, trimmed to a few columns (no Avg*, no
// Attendance: absent columns read as null).
const good: Record<string, string> = {
  Div: "E0",
  Date: "11/08/2023",
  Time: "20:00",
  HomeTeam: "Burnley",
  AwayTeam: "Man City",
  FTHG: "0",
  FTAG: "3",
  FTR: "A",
  HTHG: "0",
  HTAG: "2",
  HTR: "A",
  Referee: "C Pawson",
  HS: "6",
  AS: "17",
  HR: "1",
  AR: "0",
  B365H: "8",
  B365D: "5.5",
  B365A: "1.33",
  PSH: "",
};
const header = Object.keys(good);
const schema = createSeasonRowSchema({
  season: "2324",
  resolveTeam: catalogueResolver(),
  selection: selectColumns(header),
});

/** The good row's fields with some cells changed (by column name). */
const row = (changes: Record<string, string> = {}) => header.map((column) => changes[column] ?? good[column]);

const issues = (fields: string[]) => {
  const result = schema.safeParse(fields);
  return result.success ? [] : result.error.issues.map((i) => `${String(i.path.at(-1) ?? "")}: ${i.message}`);
};

describe("football-data.co.uk row validation", () => {
  it("turns a good row into stored values, kickoff in UTC", () => {
    const parsed = schema.parse(row());
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

  it("reads columns by name, wherever the file puts them", () => {
    const reversed = [...header].reverse();
    const other = createSeasonRowSchema({
      season: "2324",
      resolveTeam: catalogueResolver(),
      selection: selectColumns(reversed),
    });
    expect(other.parse([...row()].reverse())).toEqual(schema.parse(row()));
  });

  it("stands in 15:00 UK time when a file has no Time column", () => {
    const parsed = schema.parse(row({ Time: "", Date: "26/12/23" }));
    expect(parsed.values.kickoff).toEqual(new Date("2023-12-26T15:00:00Z"));
    expect(parsed.values.kickoffTimeKnown).toBe(false);
  });

  it("rejects a result that contradicts the goals, full time and half time", () => {
    expect(issues(row({ FTR: "H" }))).toEqual([': FTR "H" contradicts the score 0-3 (expected A)']);
    expect(issues(row({ HTR: "D" }))).toEqual([': HTR "D" contradicts the half-time score 0-2 (expected A)']);
    expect(issues(row({ HTAG: "4" }))).toEqual([": half-time score 0-4 exceeds the full-time score 0-3"]);
    expect(issues(row({ HTAG: "" }))).toEqual([": HTHG and HTAG must both be given or both be empty"]);
  });

  it("rejects goals that are not whole numbers ≥ 0 and results other than H, D, A", () => {
    expect(issues(row({ FTHG: "-1" }))).toEqual(['fthg: "-1" is not a goal count (a whole number ≥ 0)']);
    expect(issues(row({ FTAG: "" }))).toEqual(["ftag: is empty"]);
    expect(issues(row({ FTR: "W" }))).toEqual(['ftr: "W" is not H, D or A']);
  });

  it("rejects odds of 1.0 or less and non-numbers, and negative counts", () => {
    expect(issues(row({ B365H: "0" }))).toEqual(['b365H: "0" is not valid decimal odds (must be a number > 1.0)']);
    expect(issues(row({ B365H: "1" }))).toHaveLength(1);
    expect(issues(row({ B365H: "1.01", B365D: "evens" }))).toEqual([
      'b365D: "evens" is not valid decimal odds (must be a number > 1.0)',
    ]);
    expect(issues(row({ HS: "-2" }))).toEqual(['homeShots: "-2" is not a whole number ≥ 0']);
  });

  it("reports every bad cell of a row, and no cross-field check on cells that did not parse", () => {
    expect(issues(row({ FTHG: "x", HS: "-2", B365A: "0" }))).toEqual([
      'fthg: "x" is not a goal count (a whole number ≥ 0)',
      'homeShots: "-2" is not a whole number ≥ 0',
      'b365A: "0" is not valid decimal odds (must be a number > 1.0)',
    ]);
  });

  it("rejects unknown teams, a club playing itself, dates outside the season and other divisions", () => {
    expect(issues(row({ HomeTeam: "Real Madrid" }))).toEqual([
      'homeTeam: unknown team "Real Madrid" (no such club or alias)',
    ]);
    expect(issues(row({ AwayTeam: "Burnley" }))).toEqual([": HomeTeam and AwayTeam are the same club (Burnley)"]);
    expect(issues(row({ Date: "11/08/2024" }))).toEqual([
      ": date 2024-08-11 is outside season 2023/24 (2023-07-01 to 2024-07-31)",
    ]);
    expect(issues(row({ Date: "31/02/2024" }))).toEqual(['date: "31/02/2024" is not a real date']);
    expect(issues(row({ Time: "8pm" }))).toEqual(['time: "8pm" is not a time (HH:MM)']);
    expect(issues(row({ Div: "E1" }))).toEqual(['division: "E1" is not E0 (the Premier League)']);
  });
});
