"use server";

import { z } from "zod";
import { predictMatch } from "@/lib/predictions/predict-match";
import { action } from "./action";

const odds = z.number().finite().gt(1, "decimal odds must be greater than 1");
const requestSchema = z.object({
  homeTeam: z.string().trim().min(1, "choose the home team"),
  awayTeam: z.string().trim().min(1, "choose the away team"),
  kickoff: z.iso.datetime({ offset: true }).optional(),
  odds: z.object({ home: odds, draw: odds, away: odds }).optional(),
});

export type SingleMatchRequest = z.input<typeof requestSchema>;

/** The champion's forecast of one pairing from the dashboard's form (stored as an ad-hoc prediction). */
export const predictSingleMatch = action({ input: requestSchema, changesState: true }, (request, { db }) =>
  predictMatch({
    db,
    request: {
      homeTeam: request.homeTeam,
      awayTeam: request.awayTeam,
      kickoff: request.kickoff ? new Date(request.kickoff) : undefined,
      odds: request.odds,
    },
  }),
);
