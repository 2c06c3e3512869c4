import { compareSeasons } from "@/lib/data/season-code";
import { DEFAULT_WINDOW } from "@/lib/model/evaluation/evaluate";
import type { TrainingRequest } from "./requests";

/**
 * Forest hyperparameters chosen by `npm run evaluate -- --search` (walk-forward RPS on 2020/21 to
 * 2022/23, before the test window; the README shows the search table).
 */
export const DEFAULT_FOREST_PARAMS = {
  nTrees: 300,
  maxDepth: 10,
  minSamplesLeaf: 200,
  maxFeatures: 0.5,
  seed: 42,
} as const;

/** The small grid the search tries (validation seasons only precede the test window). */
export const FOREST_SEARCH_GRID: Record<string, unknown>[] = [10, 14].flatMap((maxDepth) =>
  [40, 100, 200].flatMap((minSamplesLeaf) =>
    ([0.33, 0.5] as const).map((maxFeatures) => ({ nTrees: 300, maxDepth, minSamplesLeaf, maxFeatures, seed: 42 })),
  ),
);

export interface TrainingConfig {
  engine: "forest" | "ml-random-forest";
  params: Record<string, unknown>;
  search: boolean;
  window: { testSeasons: string[]; firstTrainingSeason: string };
}

/** Fills a request's gaps with the defaults (engine from MODEL_ENGINE). */
export function resolveTrainingConfig(
  request: TrainingRequest,
  defaultEngine: TrainingConfig["engine"],
): TrainingConfig {
  const engine = request.engine ?? defaultEngine;
  return {
    engine,
    params:
      request.params ??
      (engine === "forest" ? { ...DEFAULT_FOREST_PARAMS } : { nEstimators: 50, maxDepth: 8, seed: 42 }),
    search: request.search ?? false,
    window: {
      testSeasons: [...(request.testSeasons ?? DEFAULT_WINDOW.testSeasons)].sort(compareSeasons),
      firstTrainingSeason: request.firstTrainingSeason ?? DEFAULT_WINDOW.firstTrainingSeason,
    },
  };
}
