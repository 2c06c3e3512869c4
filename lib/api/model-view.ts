import { z } from "zod";
import type { ForecastScores } from "@/lib/model/metrics/score-forecasts";
import { FORECASTERS, type Forecaster, type SeasonResult } from "@/lib/model/evaluation/walk-forward";
import { REGIMES } from "@/lib/model/regime";
import { metricsOf, type ModelVersionSummary } from "@/lib/registry/model-versions";

const forecasters = Object.keys(FORECASTERS) as [Forecaster, ...Forecaster[]];

export const scoresSchema = z
  .object({
    n: z.number().int(),
    rps: z.number().describe("Ranked probability score, lower is better"),
    logLoss: z.number(),
    brier: z.number(),
    accuracy: z.number(),
    ece: z.number().describe("Expected calibration error"),
  })
  .describe("Scores over the same matches");

const scoresByForecaster = z
  .partialRecord(z.enum(forecasters), scoresSchema)
  .describe(
    "model: this version; marketPreMatch / marketClosing: the bookmakers' margin-free probabilities; elo: Elo alone; baseRates: league base rates",
  );

const regimeEvaluation = z.object({
  n: z.number().int().describe("Matches in the walk-forward test window"),
  scores: scoresByForecaster,
  rpsMinusMarket: z
    .number()
    .nullable()
    .describe("This regime's model RPS minus the pre-match market's on the same matches (negative: better)"),
});

/** A registered model version as lists show it. */
export const modelVersionSchema = z.object({
  version: z.number().int(),
  aliases: z.array(z.enum(["champion", "challenger"])),
  engine: z.string(),
  params: z.record(z.string(), z.unknown()),
  trainedOn: z
    .record(z.string(), z.unknown())
    .describe("matches, first and last season, last kickoff of the final fit"),
  trainingRunId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  artifactBytes: z.number().int(),
  evaluation: z.object({
    window: z.object({ testSeasons: z.array(z.string()), firstTrainingSeason: z.string() }),
    n: z.number().int().describe("Matches in the walk-forward test window"),
    scores: scoresByForecaster,
    rpsMinusMarket: z
      .number()
      .nullable()
      .describe("Model RPS minus the pre-match market's (negative: better than the market)"),
    regimes: z
      .object({ "odds-free": regimeEvaluation, "with-odds": regimeEvaluation })
      .nullable()
      .describe(
        "Each regime's walk-forward evaluation: odds-free (the model that never reads odds, for fixtures and requests without them) and with-odds; null for a version from before the two regimes, whose `scores` are its only model's. The top-level `scores` are the with-odds regime's",
      ),
  }),
});
export type ModelVersionView = z.infer<typeof modelVersionSchema>;

/** One version in full: per-season scores and feature importance. */
export const modelVersionDetailSchema = modelVersionSchema.extend({
  featureSet: z.array(z.string()),
  dataFingerprint: z.string(),
  artifactFormat: z.string(),
  seasons: z.array(z.object({ season: z.string(), trainRows: z.number().int(), scores: scoresByForecaster })),
  regimeSeasons: z
    .partialRecord(
      z.enum(REGIMES),
      z.array(z.object({ season: z.string(), trainRows: z.number().int(), scores: scoresByForecaster })),
    )
    .describe("Per-season walk-forward scores of each regime"),
  featureImportance: z
    .array(z.object({ feature: z.string(), importance: z.number() }))
    .describe("Mean impurity decrease per feature of the final model, largest first; empty when the engine has none"),
});
export type ModelVersionDetail = z.infer<typeof modelVersionDetailSchema>;

const seasonView = (s: SeasonResult) => ({ season: s.season, trainRows: s.trainRows, scores: pickScores(s.scores) });

function pickScores(scores: Partial<Record<Forecaster, ForecastScores>>): z.infer<typeof scoresByForecaster> {
  const out: z.infer<typeof scoresByForecaster> = {};
  for (const f of forecasters) {
    const s = scores[f];
    if (s) out[f] = { n: s.n, rps: s.rps, logLoss: s.logLoss, brier: s.brier, accuracy: s.accuracy, ece: s.ece };
  }
  return out;
}

function rpsMinusMarket(scores: Partial<Record<Forecaster, ForecastScores>>): number | null {
  const model = scores.model?.rps;
  const market = scores.marketPreMatch?.rps;
  return model !== undefined && market !== undefined ? model - market : null;
}

export function toModelVersionView(v: ModelVersionSummary, aliases: ModelVersionView["aliases"]): ModelVersionView {
  const m = metricsOf(v);
  return {
    version: v.version,
    aliases,
    engine: v.engine,
    params: v.params,
    trainedOn: v.trainedOn,
    trainingRunId: v.trainingRunId,
    createdAt: v.createdAt.toISOString(),
    artifactBytes: v.artifactBytes,
    evaluation: {
      window: m.window,
      n: m.pooled.n,
      scores: pickScores(m.pooled.scores),
      rpsMinusMarket: rpsMinusMarket(m.pooled.scores),
      regimes: m.regimes
        ? (Object.fromEntries(
            REGIMES.map((r) => {
              const { pooled } = m.regimes![r];
              return [
                r,
                { n: pooled.n, scores: pickScores(pooled.scores), rpsMinusMarket: rpsMinusMarket(pooled.scores) },
              ];
            }),
          ) as NonNullable<ModelVersionView["evaluation"]["regimes"]>)
        : null,
    },
  };
}

export function toModelVersionDetail(v: ModelVersionSummary, aliases: ModelVersionView["aliases"]): ModelVersionDetail {
  const m = metricsOf(v);
  return {
    ...toModelVersionView(v, aliases),
    featureSet: v.featureSet,
    dataFingerprint: v.dataFingerprint,
    artifactFormat: v.artifactFormat,
    seasons: m.seasons.map(seasonView),
    regimeSeasons: m.regimes ? Object.fromEntries(REGIMES.map((r) => [r, m.regimes![r].seasons.map(seasonView)])) : {},
    featureImportance: [...(m.featureImportance ?? [])].sort((a, b) => b.importance - a.importance),
  };
}
