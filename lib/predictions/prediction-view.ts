import { z } from "zod";
import type { Prediction } from "@/db/schema";
import { OUTCOMES, predictedOutcome, resultFromOutcome, type Probabilities } from "@/lib/model/metrics";
import { REGIMES } from "@/lib/model/regime";
import { regimeScoreSchema, type RegimeScore } from "@/lib/registry/regime-score";

const probability = z.number().min(0).max(1);
const resultCode = z.enum(OUTCOMES);

export const teamRefSchema = z.object({ id: z.number().int(), name: z.string() });
export type TeamRef = z.infer<typeof teamRefSchema>;

export const outcomeProbabilitiesSchema = z.object({ home: probability, draw: probability, away: probability });

/** A prediction as the API and the dashboard show it (the API documents this schema). */
export const predictionViewSchema = z.object({
  id: z.number().int(),
  kind: z
    .enum(["batch", "adhoc", "backtest"])
    .describe(
      "batch: a pipeline's forecast of a fixture; adhoc: asked for over the API; backtest: a walk-forward forecast of a played match",
    ),
  regime: z
    .enum(REGIMES)
    .describe(
      "with-odds: made by the model that reads the match's pre-match odds (known, or sent with the request); odds-free: by the model that never reads odds",
    ),
  regimeScore: regimeScoreSchema
    .nullable()
    .describe("The version's walk-forward score in this regime: the score of forecasts made the same way"),
  matchId: z.number().int().nullable().describe("The stored match, when the pairing is one in the kickoff's season"),
  kickoff: z.iso.datetime(),
  homeTeam: teamRefSchema,
  awayTeam: teamRefSchema,
  modelVersion: z.number().int(),
  createdAt: z.iso.datetime(),
  probabilities: outcomeProbabilitiesSchema,
  predicted: resultCode.describe("The most probable outcome: H home win, D draw, A away win"),
  confidence: probability.describe("Probability of the predicted outcome"),
  market: outcomeProbabilitiesSchema
    .extend({
      source: z
        .string()
        .nullable()
        .describe("bet365, market-average, pinnacle, or request (odds sent with the request)"),
    })
    .nullable()
    .describe("The bookmakers' margin-free probabilities"),
  edge: z
    .object({ home: z.number(), draw: z.number(), away: z.number() })
    .nullable()
    .describe("Our probability minus the market's, per outcome (positive: we rate it likelier)"),
  result: z
    .object({
      actual: resultCode,
      rps: z.number(),
      logLoss: z.number(),
      correct: z.boolean(),
      marketRps: z.number().nullable(),
    })
    .nullable()
    .describe("Scores once the match is played; null before"),
});

export type PredictionView = z.infer<typeof predictionViewSchema>;

export type PredictionRow = Prediction & {
  homeName: string;
  awayName: string;
  modelVersion: number;
  regimeScore: RegimeScore | null;
};

export function toPredictionView(row: PredictionRow): PredictionView {
  const p: Probabilities = [row.pHome, row.pDraw, row.pAway];
  const predicted = predictedOutcome(p);
  const hasMarket = row.marketHome !== null && row.marketDraw !== null && row.marketAway !== null;
  return {
    id: row.id,
    kind: row.kind,
    regime: row.regime,
    regimeScore: row.regimeScore,
    matchId: row.matchId,
    kickoff: row.kickoff.toISOString(),
    homeTeam: { id: row.homeTeamId, name: row.homeName },
    awayTeam: { id: row.awayTeamId, name: row.awayName },
    modelVersion: row.modelVersion,
    createdAt: row.createdAt.toISOString(),
    probabilities: { home: row.pHome, draw: row.pDraw, away: row.pAway },
    predicted: resultFromOutcome(predicted),
    confidence: p[predicted],
    market: hasMarket
      ? { home: row.marketHome!, draw: row.marketDraw!, away: row.marketAway!, source: row.marketSource }
      : null,
    edge: hasMarket
      ? { home: row.pHome - row.marketHome!, draw: row.pDraw - row.marketDraw!, away: row.pAway - row.marketAway! }
      : null,
    result:
      row.scoredAt && row.actualResult
        ? {
            actual: row.actualResult,
            rps: row.rps!,
            logLoss: row.logLoss!,
            correct: row.correct!,
            marketRps: row.marketRps,
          }
        : null,
  };
}

/** The answer of POST /api/predictions/match: our view, with the fields the original system's clients read. */
export const matchAnswerSchema = predictionViewSchema.extend({
  probabilities: outcomeProbabilitiesSchema
    .extend({ H: probability, D: probability, A: probability })
    .describe("home, draw, away; and the same keyed H, D, A as the original system gave them"),
  home_team: z.string().describe("The original's field: the home club, by its canonical name"),
  away_team: z.string().describe("The original's field: the away club"),
  prediction: resultCode.describe("The original's field: the same as `predicted`"),
  created_at: z.iso.datetime().describe("The original's field: the same as `createdAt`"),
});
export type MatchAnswer = z.infer<typeof matchAnswerSchema>;

export function toMatchAnswer(view: PredictionView): MatchAnswer {
  const { home, draw, away } = view.probabilities;
  return {
    ...view,
    probabilities: { home, draw, away, H: home, D: draw, A: away },
    home_team: view.homeTeam.name,
    away_team: view.awayTeam.name,
    prediction: view.predicted,
    created_at: view.createdAt,
  };
}
