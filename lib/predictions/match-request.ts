import { z } from "zod";
import type { MatchRequest } from "./predict-match";

const FIRST_KICKOFF = Date.UTC(1993, 6, 1);
/** Kickoffs up to this many years ahead: season codes and fixtures do not reach further. */
const YEARS_AHEAD = 5;

const odds = z
  .number({ error: "must be a number: decimal odds such as 2.5" })
  .gt(1, "must be decimal odds greater than 1")
  .max(1000, "must be at most 1000")
  .optional();

const team = z
  .string({ error: "must be a club name, e.g. Arsenal" })
  .trim()
  .min(1, "must name a club")
  .max(100, "must be at most 100 characters");

/** Body of POST /api/predictions/match (the original API's field names). */
export const matchRequestSchema = z
  .object({
    home_team: team.describe("Any spelling the data sources use: `Man United`, `Manchester United FC`, `MUN`"),
    away_team: team,
    kickoff: z.iso
      .datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-08-22T14:00:00Z" })
      .optional()
      .describe("Default now; features use only what was known before it"),
    home_odds: odds.describe("Decimal odds of a home win; give all three odds or none"),
    draw_odds: odds,
    away_odds: odds,
  })
  .strict()
  .superRefine((body, ctx) => {
    const given = (["home_odds", "draw_odds", "away_odds"] as const).filter((k) => body[k] !== undefined);
    if (given.length > 0 && given.length < 3) {
      for (const k of ["home_odds", "draw_odds", "away_odds"] as const) {
        if (body[k] === undefined) ctx.addIssue({ code: "custom", path: [k], message: "give all three odds or none" });
      }
    }
    if (body.kickoff) {
      const t = Date.parse(body.kickoff);
      const last = new Date();
      last.setUTCFullYear(last.getUTCFullYear() + YEARS_AHEAD);
      if (t < FIRST_KICKOFF || t > last.getTime()) {
        ctx.addIssue({
          code: "custom",
          path: ["kickoff"],
          message: `must be between 1993-07-01 and ${last.toISOString().slice(0, 10)}`,
        });
      }
    }
  })
  .meta({
    example: {
      home_team: "Arsenal",
      away_team: "Chelsea",
      kickoff: "2026-08-22T14:00:00Z",
      home_odds: 2.1,
      draw_odds: 3.5,
      away_odds: 3.6,
    },
  });

export type MatchRequestBody = z.infer<typeof matchRequestSchema>;

export function toMatchRequest(body: MatchRequestBody): MatchRequest {
  const { home_odds: home, draw_odds: draw, away_odds: away } = body;
  return {
    homeTeam: body.home_team,
    awayTeam: body.away_team,
    kickoff: body.kickoff ? new Date(body.kickoff) : undefined,
    odds: home !== undefined && draw !== undefined && away !== undefined ? { home, draw, away } : undefined,
  };
}
