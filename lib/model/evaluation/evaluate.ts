import { compareSeasons, seasonCodeForStartYear, seasonStartYear } from "@/lib/data/season-code";
import type { FeatureRow } from "@/lib/features/build-features";
import type { ClassifierEngine } from "../classifier";
import { searchHyperparameters, type SearchResult } from "./hyperparameter-search";
import { walkForward, type WalkForwardResult } from "./walk-forward";

export interface EvaluationWindow {
  testSeasons: string[];
  firstTrainingSeason: string;
}

/** The default test window: the last three complete seasons. */
export const DEFAULT_WINDOW: EvaluationWindow = {
  testSeasons: ["2324", "2425", "2526"],
  firstTrainingSeason: "0506",
};

/** Seasons the hyperparameter search validates on: the three before the (earliest) test season. */
export function validationSeasonsFor(window: EvaluationWindow): string[] {
  const first = Math.min(...window.testSeasons.map(seasonStartYear));
  return [3, 2, 1].map((back) => seasonCodeForStartYear(first - back));
}

export interface EvaluationReport extends Omit<WalkForwardResult, "predictions"> {
  window: EvaluationWindow;
  search?: SearchResult[];
}

export interface EvaluateOptions {
  engine: ClassifierEngine;
  /** Params to evaluate; ignored when `searchGrid` is given (the best candidate is used). */
  params: Record<string, unknown>;
  searchGrid?: readonly Record<string, unknown>[];
  window?: EvaluationWindow;
  features?: readonly string[];
  onProgress?: (message: string) => void;
}

/** Optional hyperparameter search on pre-window seasons, then the walk-forward evaluation. */
export async function evaluate(
  rows: readonly FeatureRow[],
  options: EvaluateOptions,
): Promise<EvaluationReport & { predictions: WalkForwardResult["predictions"] }> {
  const requested = options.window ?? DEFAULT_WINDOW;
  // Chronological order: the earliest test season bounds what validation and training may read.
  const window = { ...requested, testSeasons: [...requested.testSeasons].sort(compareSeasons) };
  if (compareSeasons(window.firstTrainingSeason, window.testSeasons[0]) >= 0) {
    throw new RangeError(
      `the first training season ${window.firstTrainingSeason} must come before the first test season ${window.testSeasons[0]}`,
    );
  }
  let params = options.params;
  let search: SearchResult[] | undefined;
  if (options.searchGrid?.length) {
    search = await searchHyperparameters(rows, {
      engine: options.engine,
      candidates: options.searchGrid,
      validationSeasons: validationSeasonsFor(window),
      firstTrainingSeason: window.firstTrainingSeason,
      firstTestSeason: window.testSeasons[0],
      features: options.features,
      onProgress: options.onProgress,
    });
    params = search[0].params;
    options.onProgress?.(`search chose ${JSON.stringify(params)}`);
  }
  const result = await walkForward(rows, {
    engine: options.engine,
    params,
    features: options.features,
    testSeasons: window.testSeasons,
    firstTrainingSeason: window.firstTrainingSeason,
    onProgress: options.onProgress,
  });
  return { ...result, window, ...(search ? { search } : {}) };
}
