import { compareSeasons, seasonCodeForStartYear, seasonStartYear } from "@/lib/data/season-code";
import type { FeatureRow } from "@/lib/features/build-features";
import type { ClassifierEngine } from "../classifier";
import type { RegimeParams } from "../match-model";
import { REGIMES, type Regime } from "../regime";
import { BLEND_SEASONS, BLEND_SOURCES, blendWalkForward, type BlendReport } from "./blend-walk-forward";
import { searchHyperparameters, type SearchResult } from "./hyperparameter-search";
import {
  REGIME_FORECASTERS,
  scoreRecords,
  walkForward,
  type PredictionRecord,
  type WalkForwardResult,
} from "./walk-forward";

export interface EvaluationWindow {
  testSeasons: string[];
  firstTrainingSeason: string;
}

/** The default test window: the last three complete seasons. */
export const DEFAULT_WINDOW: EvaluationWindow = {
  testSeasons: ["2324", "2425", "2526"],
  firstTrainingSeason: "0506",
};

const seasonsBefore = (season: string, count: number) =>
  Array.from({ length: count }, (_, i) => seasonCodeForStartYear(seasonStartYear(season) - count + i));

/** Seasons the hyperparameter search and the blend choice validate on: the three before the (earliest) test season. */
export function validationSeasonsFor(window: EvaluationWindow): string[] {
  return seasonsBefore(window.testSeasons[0], 3);
}

/** One regime's walk-forward report: its model's and the baselines' scores on the test window. */
export interface RegimeReport extends Omit<WalkForwardResult, "predictions"> {
  search?: SearchResult[];
  /** The blend's validation and whether the regime's model is the blend. */
  blend: BlendReport;
}

export interface EvaluationReport {
  window: EvaluationWindow;
  refit: WalkForwardResult["refit"];
  regimes: Record<Regime, RegimeReport>;
}

export interface EvaluateOptions {
  engine: ClassifierEngine;
  /** Params of each regime's model; ignored when `searchGrid` is given (each regime's best candidate is used). */
  params: RegimeParams;
  searchGrid?: readonly Record<string, unknown>[];
  window?: EvaluationWindow;
  /** The with-odds model's features (the odds-free model takes the same without the market's). */
  features?: readonly string[];
  onProgress?: (message: string) => void;
}

/**
 * For each regime: an optional hyperparameter search on the three seasons before the window, then
 * the walk-forward evaluation of the window. The forest is also walked forward over the validation
 * seasons and the BLEND_SEASONS before them, so that every blend (with odds: forest and market;
 * without: forest and goals model) is fitted on earlier seasons' out-of-sample forecasts; the
 * regime's model is the blend only if that won on the validation seasons.
 */
export async function evaluate(
  rows: readonly FeatureRow[],
  options: EvaluateOptions,
): Promise<EvaluationReport & { predictions: Record<Regime, PredictionRecord[]> }> {
  const requested = options.window ?? DEFAULT_WINDOW;
  // Chronological order: the earliest test season bounds what validation and training may read.
  const window = { ...requested, testSeasons: [...requested.testSeasons].sort(compareSeasons) };
  if (compareSeasons(window.firstTrainingSeason, window.testSeasons[0]) >= 0) {
    throw new RangeError(
      `the first training season ${window.firstTrainingSeason} must come before the first test season ${window.testSeasons[0]}`,
    );
  }
  const validation = validationSeasonsFor(window);
  const regimes = {} as Record<Regime, RegimeReport>;
  const predictions = {} as Record<Regime, PredictionRecord[]>;
  for (const regime of REGIMES) {
    let params = options.params[regime];
    let search: SearchResult[] | undefined;
    if (options.searchGrid?.length) {
      search = await searchHyperparameters(rows, {
        engine: options.engine,
        regime,
        candidates: options.searchGrid,
        validationSeasons: validation,
        firstTrainingSeason: window.firstTrainingSeason,
        firstTestSeason: window.testSeasons[0],
        features: options.features,
        onProgress: options.onProgress,
      });
      params = search[0].params;
      options.onProgress?.(`${regime}: search chose ${JSON.stringify(params)}`);
    }
    const config = {
      engine: options.engine,
      params,
      regime,
      features: options.features,
      firstTrainingSeason: window.firstTrainingSeason,
      onProgress: options.onProgress,
    };
    const tested = await walkForward(rows, { ...config, testSeasons: window.testSeasons });
    const { predictions: records, ...report } = tested;
    // Seasons before the window only feed the blend; they are forecast but never scored here.
    const earlier = [...seasonsBefore(validation[0], BLEND_SEASONS), ...validation];
    const before = await walkForward(rows, { ...config, testSeasons: earlier, skipEmpty: true });
    for (const r of [...before.predictions, ...records]) r.forecasts.forest = r.forecasts.model;
    const blend = blendWalkForward([...before.predictions, ...records], {
      sources: BLEND_SOURCES[regime],
      seasons: [...earlier, ...window.testSeasons],
      validationSeasons: validation,
    });
    for (const r of records) if (blend.chosen && r.forecasts.blend) r.forecasts.model = r.forecasts.blend;
    const forecasters = REGIME_FORECASTERS[regime];
    for (const s of report.seasons)
      Object.assign(
        s,
        scoreRecords(
          records.filter((r) => r.season === s.season),
          forecasters,
        ),
      );
    report.pooled = { ...scoreRecords(records, forecasters), n: records.length };
    regimes[regime] = { ...report, blend, ...(search ? { search } : {}) };
    predictions[regime] = records;
  }
  return { window, refit: "once per test season", regimes, predictions };
}
