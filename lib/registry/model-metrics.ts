import type { BlendReport } from "@/lib/model/evaluation/blend-walk-forward";
import type { SeasonResult, WalkForwardResult } from "@/lib/model/evaluation/walk-forward";
import type { Regime } from "@/lib/model/regime";
import type { RegimeScore } from "./regime-score";

/** One regime's walk-forward evaluation and final model, as a version records it. */
export interface RegimeMetrics {
  features: string[];
  params: Record<string, unknown>;
  pooled: WalkForwardResult["pooled"];
  seasons: SeasonResult[];
  /** Mean impurity decrease per feature of the regime's final model, when the engine reports it. */
  featureImportance?: { feature: string; importance: number }[];
  /** The hyperparameter search that chose the params, when one ran. */
  search?: { params: Record<string, unknown>; rps: number }[];
  /** The blend's validation and whether the regime's model is the blend. */
  blend?: BlendReport;
}

/**
 * What a model version records about its walk-forward evaluation (stored as JSON). `regimes` holds
 * each regime's report (`metrics.regimes["odds-free"].pooled`); versions registered before the two
 * regimes lack it. The top-level `pooled`, `seasons`, `featureImportance` and `search` are the
 * with-odds regime's, as every version has them.
 */
export interface ModelMetrics {
  window: { testSeasons: string[]; firstTrainingSeason: string };
  refit: WalkForwardResult["refit"];
  regimes?: Record<Regime, RegimeMetrics>;
  /** Each regime's pooled score in a few numbers, read beside every forecast (lib/registry/regime-score.ts). */
  regimeScores?: Record<Regime, RegimeScore | null>;
  pooled: WalkForwardResult["pooled"];
  seasons: SeasonResult[];
  featureImportance?: { feature: string; importance: number }[];
  search?: { params: Record<string, unknown>; rps: number }[];
}

/** Pooled RPS of the model over the evaluation window (the with-odds regime's, as the gate has always compared). */
export function modelRps(metrics: Pick<ModelMetrics, "pooled">): number {
  return metrics.pooled.scores.model?.rps ?? NaN;
}

export function sameWindow(a: Pick<ModelMetrics, "window">, b: Pick<ModelMetrics, "window">): boolean {
  return (
    a.window.firstTrainingSeason === b.window.firstTrainingSeason &&
    a.window.testSeasons.join(",") === b.window.testSeasons.join(",")
  );
}
