import type { SeasonResult, WalkForwardResult } from "@/lib/model/evaluation/walk-forward";

/** What a model version records about its walk-forward evaluation (stored as JSON). */
export interface ModelMetrics {
  window: { testSeasons: string[]; firstTrainingSeason: string };
  refit: WalkForwardResult["refit"];
  pooled: WalkForwardResult["pooled"];
  seasons: SeasonResult[];
  /** Mean impurity decrease per feature of the final model, when the engine reports it. */
  featureImportance?: { feature: string; importance: number }[];
  /** The hyperparameter search that chose the params, when one ran. */
  search?: { params: Record<string, unknown>; rps: number }[];
}

/** Pooled RPS of the model over the evaluation window. */
export function modelRps(metrics: Pick<ModelMetrics, "pooled">): number {
  return metrics.pooled.scores.model?.rps ?? NaN;
}

export function sameWindow(a: Pick<ModelMetrics, "window">, b: Pick<ModelMetrics, "window">): boolean {
  return (
    a.window.firstTrainingSeason === b.window.firstTrainingSeason &&
    a.window.testSeasons.join(",") === b.window.testSeasons.join(",")
  );
}
