import { z } from "zod";

// The parts of football-data.org's v4 `/competitions/{code}/matches` answer that we store.
// Unknown keys pass through unchecked so that additions to the API are never fatal.

const team = z.object({
  id: z.number().nullable(),
  name: z.string().nullable(),
  shortName: z.string().nullable().optional(),
  tla: z.string().nullable().optional(),
});

const goals = z.number().int().min(0).nullable();

export const orgMatchSchema = z.object({
  id: z.number().int(),
  utcDate: z.iso.datetime({ offset: true }),
  status: z.string(),
  matchday: z.number().int().min(1).nullable(),
  season: z.object({ startDate: z.iso.date() }),
  competition: z.object({ code: z.string().nullable() }).optional(),
  homeTeam: team,
  awayTeam: team,
  score: z.object({
    fullTime: z.object({ home: goals, away: goals }),
    halfTime: z.object({ home: goals, away: goals }).optional(),
  }),
  referees: z.array(z.object({ name: z.string(), type: z.string().nullable().optional() })).optional(),
});

export type OrgMatch = z.infer<typeof orgMatchSchema>;

/** The envelope; each match is validated on its own so that one bad match loses only itself. */
export const orgMatchesResponseSchema = z.object({
  matches: z.array(z.unknown()),
  resultSet: z.object({ count: z.number().optional() }).optional(),
});
