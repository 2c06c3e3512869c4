import { describe, expect, it } from "vitest";
import { matchRequestSchema, toMatchRequest } from "@/lib/predictions/match-request";

const fieldsOf = (body: unknown) => {
  const result = matchRequestSchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("POST /api/predictions/match body", () => {
  it("accepts teams alone, or with a kickoff and all three odds", () => {
    expect(fieldsOf({ home_team: "Arsenal", away_team: "Chelsea" })).toEqual([]);
    expect(
      fieldsOf({
        home_team: "Arsenal",
        away_team: "Chelsea",
        kickoff: "2026-08-22T15:00:00+01:00",
        home_odds: 2,
        draw_odds: 3.4,
        away_odds: 3.9,
      }),
    ).toEqual([]);
  });

  it("turns the body into the service's request", () => {
    const body = matchRequestSchema.parse({
      home_team: " Arsenal ",
      away_team: "Chelsea",
      kickoff: "2026-08-22T14:00:00Z",
      home_odds: 2,
      draw_odds: 3.4,
      away_odds: 3.9,
    });
    expect(toMatchRequest(body)).toEqual({
      homeTeam: "Arsenal",
      awayTeam: "Chelsea",
      kickoff: new Date("2026-08-22T14:00:00Z"),
      odds: { home: 2, draw: 3.4, away: 3.9 },
    });
  });

  it("names each bad field", () => {
    expect(fieldsOf({ away_team: "Chelsea" })).toEqual(["home_team: must be a club name, e.g. Arsenal"]);
    expect(fieldsOf({ home_team: "  ", away_team: 7 })).toEqual([
      "home_team: must name a club",
      "away_team: must be a club name, e.g. Arsenal",
    ]);
    expect(fieldsOf({ home_team: "A", away_team: "B", kickoff: "next saturday" })).toEqual([
      "kickoff: must be an ISO 8601 date-time, e.g. 2026-08-22T14:00:00Z",
    ]);
    expect(fieldsOf({ home_team: "A", away_team: "B", colour: "red" })).toEqual([': Unrecognized key: "colour"']);
  });

  it("wants odds above 1, and all three or none", () => {
    expect(fieldsOf({ home_team: "A", away_team: "B", home_odds: 1, draw_odds: 0.5, away_odds: 3 })).toEqual([
      "home_odds: must be decimal odds greater than 1",
      "draw_odds: must be decimal odds greater than 1",
    ]);
    expect(fieldsOf({ home_team: "A", away_team: "B", home_odds: 2 })).toEqual([
      "draw_odds: give all three odds or none",
      "away_odds: give all three odds or none",
    ]);
    expect(fieldsOf({ home_team: "A", away_team: "B", home_odds: "2", draw_odds: 3, away_odds: 4 })).toEqual([
      "home_odds: must be a number: decimal odds such as 2.5",
    ]);
  });

  it("keeps kickoffs where seasons exist", () => {
    expect(fieldsOf({ home_team: "A", away_team: "B", kickoff: "1990-01-01T00:00:00Z" })).toHaveLength(1);
    expect(fieldsOf({ home_team: "A", away_team: "B", kickoff: "2090-01-01T00:00:00Z" })[0]).toMatch(
      /^kickoff: must be between 1993-07-01 and /,
    );
  });
});
