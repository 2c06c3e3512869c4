import type { FeatureRow } from "@/lib/features/build-features";
import { FEATURE_NAMES } from "@/lib/features/feature-definitions";
import { compareSeasons } from "@/lib/data/season-code";
import { baseRates } from "../base-rates";
import type { ClassifierEngine } from "../classifier";
import { fitEloBaseline, predictEloBaseline } from "../elo-baseline";
import { scoreForecasts, type ForecastScores, type Outcome, type Probabilities } from "../metrics";
import { goalsModelOf, regimeOf, sharpMarketOf, type Regime } from "../regime";
import { classifierProbabilities, trainRegimeModel } from "../regime-model";
import { fingerprintRows } from "./fingerprint";
import { FORECASTERS, REGIME_FORECASTERS, type Forecaster } from "./forecasters";

export { FORECASTERS, REGIME_FORECASTERS, type Forecaster } from "./forecasters";

export interface WalkForwardConfig {
  engine: ClassifierEngine;
  params: Record<string, unknown>;
  regime: Regime;
  features?: readonly string[];
  /** Seasons predicted, each by a model trained on earlier seasons only. */
  testSeasons: readonly string[];
  /** Oldest season used for training (earlier seasons still warm up the ratings). */
  firstTrainingSeason: string;
  /** Leave out a season without training or test rows instead of failing (the blend's warm-up seasons). */
  skipEmpty?: boolean;
  onProgress?: (message: string) => void;
}

export interface SeasonResult {
  season: string;
  trainRows: number;
  trainSeasons: [string, string];
  fingerprint: string;
  /** sha256 of the test season's rows (ids, results, features): same value, same holdout. */
  testFingerprint: string;
  /** Scores of each forecaster on the same matches (every finished match of the season in the regime). */
  scores: Partial<Record<Forecaster, ForecastScores>>;
  /** Matches for which a forecaster had no forecast (e.g. no odds), excluded from its scores. */
  missing: Partial<Record<Forecaster, number>>;
}

export interface PredictionRecord {
  matchId: number;
  season: string;
  outcome: Outcome;
  forecasts: Partial<Record<Forecaster, Probabilities>>;
}

export interface WalkForwardResult {
  regime: Regime;
  features: string[];
  params: Record<string, unknown>;
  engine: string;
  /** How the model is refitted during the test window. */
  refit: "once per test season";
  seasons: SeasonResult[];
  pooled: Pick<SeasonResult, "scores" | "missing"> & { n: number };
  predictions: PredictionRecord[];
}

const ELO = FEATURE_NAMES.indexOf("elo_expected_home");

/** The rows a regime's model trains on and is scored on: all of them without odds, those with odds otherwise. */
export function rowsOfRegime<T extends Pick<FeatureRow, "values">>(rows: readonly T[], regime: Regime): T[] {
  return regime === "odds-free" ? [...rows] : rows.filter((r) => regimeOf(r.values) === "with-odds");
}

/**
 * Walk-forward evaluation of one regime: for each test season, fit on finished matches of the
 * seasons from `firstTrainingSeason` up to the one before it, then forecast every finished match
 * of the test season. The model is not refitted within a season; its features still take in every
 * result known before each kickoff. Baselines are scored on the same matches.
 */
export async function walkForward(rows: readonly FeatureRow[], config: WalkForwardConfig): Promise<WalkForwardResult> {
  const finished = rowsOfRegime(
    rows.filter((r): r is FeatureRow & { outcome: Outcome } => r.outcome !== null),
    config.regime,
  );
  const seasons: SeasonResult[] = [];
  const predictions: PredictionRecord[] = [];
  let features: string[] = [];
  for (const season of config.testSeasons) {
    const train = finished.filter(
      (r) => compareSeasons(r.season, config.firstTrainingSeason) >= 0 && compareSeasons(r.season, season) < 0,
    );
    const test = finished.filter((r) => r.season === season);
    if (train.length === 0 || test.length === 0) {
      if (config.skipEmpty) continue;
      throw new Error(`season ${season}: ${train.length} training and ${test.length} test matches; need both`);
    }
    config.onProgress?.(`${config.regime} ${season}: fitting on ${train.length} matches, forecasting ${test.length}`);
    const outcomes = train.map((r) => r.outcome);
    const model = await trainRegimeModel(
      config.engine,
      config.params,
      config.regime,
      config.features ?? FEATURE_NAMES,
      {
        values: train.map((r) => r.values),
        outcomes,
      },
    );
    features = model.features;
    const forecasts = classifierProbabilities(
      model,
      test.map((r) => r.values),
    );
    const elo = fitEloBaseline(
      train.map((r) => r.values[ELO]),
      outcomes,
    );
    const rates = baseRates(outcomes);
    const records: PredictionRecord[] = test.map((r, i) => ({
      matchId: r.matchId,
      season,
      outcome: r.outcome,
      forecasts: {
        model: forecasts[i],
        dixonColes: goalsModelOf(r.values) ?? undefined,
        marketPreMatch: r.market?.probabilities,
        marketSharp: sharpMarketOf(r.values) ?? undefined,
        marketClosing: r.closing?.probabilities,
        elo: predictEloBaseline(elo, r.values[ELO]),
        baseRates: rates,
      },
    }));
    predictions.push(...records);
    const seasonsUsed = [...new Set(train.map((r) => r.season))].sort(compareSeasons);
    seasons.push({
      season,
      trainRows: train.length,
      trainSeasons: [seasonsUsed[0], seasonsUsed[seasonsUsed.length - 1]],
      fingerprint: fingerprintRows(train),
      testFingerprint: fingerprintRows(test),
      ...scoreRecords(records, REGIME_FORECASTERS[config.regime]),
    });
  }
  return {
    regime: config.regime,
    features,
    params: { ...(seasons.length ? config.params : {}) },
    engine: config.engine.id,
    refit: "once per test season",
    seasons,
    pooled: { ...scoreRecords(predictions, REGIME_FORECASTERS[config.regime]), n: predictions.length },
    predictions,
  };
}

/** Scores each of `forecasters` on the records where it has a forecast. */
export function scoreRecords(
  records: readonly PredictionRecord[],
  forecasters: readonly Forecaster[] = Object.keys(FORECASTERS) as Forecaster[],
): Pick<SeasonResult, "scores" | "missing"> {
  const scores: SeasonResult["scores"] = {};
  const missing: SeasonResult["missing"] = {};
  for (const f of forecasters) {
    const have = records.filter((r) => r.forecasts[f]);
    if (have.length < records.length) missing[f] = records.length - have.length;
    if (have.length) {
      scores[f] = scoreForecasts(
        have.map((r) => r.forecasts[f] as Probabilities),
        have.map((r) => r.outcome),
      );
    }
  }
  return { scores, missing };
}
