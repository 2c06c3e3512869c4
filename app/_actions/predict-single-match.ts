"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { authorizeDashboardAction } from "@/lib/api/protection";
import { predictMatch } from "@/lib/predictions/predict-match";
import type { PredictionView } from "@/lib/predictions/prediction-view";
import { failure, ok, type ActionResult } from "./action-result";

const odds = z.number().finite().gt(1, "decimal odds must be greater than 1");
const requestSchema = z.object({
  homeTeam: z.string().trim().min(1, "choose the home team"),
  awayTeam: z.string().trim().min(1, "choose the away team"),
  kickoff: z.iso.datetime({ offset: true }).optional(),
  odds: z.object({ home: odds, draw: odds, away: odds }).optional(),
});

export type SingleMatchRequest = z.input<typeof requestSchema>;

/** The champion's forecast of one pairing from the dashboard's form (stored as an ad-hoc prediction). */
export async function predictSingleMatch(input: SingleMatchRequest): Promise<ActionResult<PredictionView>> {
  try {
    authorizeDashboardAction(await headers());
    const request = requestSchema.parse(input);
    const db = await getDb();
    const view = await predictMatch({
      db,
      request: {
        homeTeam: request.homeTeam,
        awayTeam: request.awayTeam,
        kickoff: request.kickoff ? new Date(request.kickoff) : undefined,
        odds: request.odds,
      },
    });
    return ok(view);
  } catch (error) {
    return failure(error);
  }
}
