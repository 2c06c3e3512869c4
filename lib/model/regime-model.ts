import { FEATURE_NAMES } from "@/lib/features/feature-definitions";
import { poolForecasts, type Blend, type BlendSource } from "./blend/blend";
import type { Classifier, ClassifierEngine, FitOptions } from "./classifier";
import { createMatrix } from "./classifier";
import { fitEloBaseline } from "./elo-baseline";
import { fitImputer, impute, type Imputer } from "./imputer";
import type { Outcome, Probabilities } from "./metrics";
import { goalsModelOf, regimeFeatures, sharpMarketOf, type Regime } from "./regime";

/** One regime's predictor: its feature selection, imputation, classifier and (with odds) an optional blend. */
export interface RegimeModel {
  regime: Regime;
  /** The features the classifier sees, a subset of FEATURE_NAMES in that order. */
  features: string[];
  imputer: Imputer;
  classifier: Classifier;
  /** The classifier's probabilities stacked with the market's (with odds) or the goals model's, when that won on the validation seasons. */
  blend: Blend | null;
}

export interface TrainingRows {
  values: readonly Float64Array[];
  outcomes: readonly Outcome[];
}

/** Column indices of `features` in the full feature vector. */
function columnsOf(features: readonly string[]): number[] {
  return features.map((name) => {
    const i = FEATURE_NAMES.indexOf(name);
    if (i < 0) throw new Error(`unknown feature "${name}"`);
    return i;
  });
}

/** The classifier's input: the model's feature columns of `rows`, imputed. */
export function designMatrix(model: Pick<RegimeModel, "features" | "imputer">, rows: readonly Float64Array[]) {
  const cols = columnsOf(model.features);
  const x = createMatrix(rows.length, cols.length);
  rows.forEach((raw, i) => {
    const full = impute(model.imputer, raw);
    cols.forEach((c, j) => (x.data[i * cols.length + j] = full[c]));
  });
  return x;
}

/**
 * Fits one regime's imputation (training rows only) and classifier on `train`, which the caller
 * has already restricted to the regime (with odds: rows whose odds are known).
 */
export async function trainRegimeModel(
  engine: ClassifierEngine,
  params: Record<string, unknown>,
  regime: Regime,
  features: readonly string[],
  train: TrainingRows,
  options?: FitOptions,
): Promise<RegimeModel> {
  const eloColumn = FEATURE_NAMES.indexOf("elo_expected_home");
  const eloBaseline = fitEloBaseline(
    train.values.map((v) => v[eloColumn]),
    train.outcomes,
  );
  const imputer = fitImputer(train.values, eloBaseline);
  const classifier = engine.create(params as never);
  const model: RegimeModel = { regime, features: regimeFeatures(regime, features), imputer, classifier, blend: null };
  await classifier.fit(designMatrix(model, train.values), train.outcomes, options);
  return model;
}

/** The classifier's own H/D/A probabilities (before any blend). */
export function classifierProbabilities(model: RegimeModel, rows: readonly Float64Array[]): Probabilities[] {
  if (rows.length === 0) return [];
  const p = model.classifier.predictProba(designMatrix(model, rows));
  return rows.map((_, i) => [p.data[i * 3], p.data[i * 3 + 1], p.data[i * 3 + 2]] as const);
}

const SOURCE: Record<Exclude<BlendSource, "forest">, (values: Float64Array) => Probabilities | null> = {
  market: sharpMarketOf,
  goals: goalsModelOf,
};

/** The regime's forecasts: the classifier's, stacked with the row's other sources when the model has a blend. */
export function predictRegime(model: RegimeModel, rows: readonly Float64Array[]): Probabilities[] {
  const own = classifierProbabilities(model, rows);
  const { blend } = model;
  if (!blend) return own;
  return own.map((p, i) => {
    const inputs = blend.sources.map((s) => (s === "forest" ? p : SOURCE[s](rows[i])));
    // A row without one of the sources (the goals model's first season) keeps the classifier's forecast.
    return inputs.every((x) => x !== null) ? poolForecasts(blend.weights, inputs as Probabilities[]) : p;
  });
}
