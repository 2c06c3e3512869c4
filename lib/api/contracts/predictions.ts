import { z } from "zod";
import { matchRequestSchema } from "@/lib/predictions/match-request";
import { predictionHistorySchema } from "@/lib/predictions/prediction-history";
import { predictionBatchSchema, upcomingFixtureSchema } from "@/lib/predictions/prediction-queries";
import { matchAnswerSchema } from "@/lib/predictions/prediction-view";
import { defineEndpoint } from "../endpoint";
import { positiveIntFromString } from "./common";

const tag = "Predictions";

export const predictMatch = defineEndpoint({
  method: "post",
  path: "/api/predictions/match",
  operationId: "predictMatch",
  tag,
  summary: "Predict any match",
  description:
    "The champion's home/draw/away probabilities for a pairing at a kickoff (default now), from features as of that kickoff. Team names go through the clubs' aliases; an unknown name is a 400 with the closest known names (`details.suggestions`). The market's margin-free probabilities come from the odds sent (all three or none) or, when the pairing is a stored match of that season, from its pre-match odds; `edge` is ours minus the market's. Stored as an ad-hoc prediction.",
  body: matchRequestSchema,
  responses: {
    200: { description: "The prediction (stored)", schema: matchAnswerSchema },
    503: { description: "No champion model yet (code `unavailable:model`)" },
  },
});

export const upcomingPredictions = defineEndpoint({
  method: "get",
  path: "/api/predictions/upcoming",
  operationId: "listUpcomingPredictions",
  tag,
  summary: "Next fixtures with the champion's predictions",
  description:
    "Scheduled matches from now, in kickoff order, each with the champion's stored prediction and the market comparison (null when not predicted yet).",
  query: z
    .object({
      limit: positiveIntFromString("an integer from 1 to 100").max(100, "must be an integer from 1 to 100").default(20),
    })
    .strict(),
  responses: {
    200: {
      description: "The fixtures",
      schema: z.object({ championVersion: z.number().int().nullable(), fixtures: z.array(upcomingFixtureSchema) }),
    },
  },
});

export const latestPredictions = defineEndpoint({
  method: "get",
  path: "/api/predictions/latest",
  operationId: "getLatestPredictionBatch",
  tag,
  summary: "The most recent prediction batch",
  description: "Every forecast stored by the latest predictions run, in kickoff order.",
  responses: {
    200: { description: "The batch", schema: predictionBatchSchema },
    404: { description: "No batch yet: run the predictions pipeline" },
  },
});

export const predictionHistory = defineEndpoint({
  method: "get",
  path: "/api/predictions/history",
  operationId: "getPredictionHistory",
  tag,
  summary: "Track record: live and backtest",
  description:
    "`live`: the pipelines' forecasts whose matches have been played, by month and overall, our RPS, log loss and accuracy next to the market's on the same matches, and a rolling RPS. `backtest`: the same for the champion's walk-forward evaluation. The two are never mixed.",
  query: z
    .object({
      window: positiveIntFromString("an integer from 5 to 500")
        .min(5, "must be an integer from 5 to 500")
        .max(500, "must be an integer from 5 to 500")
        .default(50)
        .describe("Predictions per rolling-RPS point"),
    })
    .strict(),
  responses: { 200: { description: "Both track records", schema: predictionHistorySchema } },
});
