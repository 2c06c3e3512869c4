import type { FeatureRow } from "@/lib/features/build-features";
import { compareSeasons } from "@/lib/data/season-code";
import type { ClassifierEngine } from "../classifier";
import type { Regime } from "../regime";
import { walkForward } from "./walk-forward";

export interface SearchResult {
  params: Record<string, unknown>;
  /** Pooled RPS over the validation seasons. */
  rps: number;
}

/**
 * Chooses one regime's hyperparameters by walk-forward RPS on validation seasons that all precede the test
 * window (so the test seasons never influence the choice). Returns every candidate, best first.
 */
export async function searchHyperparameters(
  rows: readonly FeatureRow[],
  {
    engine,
    regime,
    candidates,
    validationSeasons,
    firstTrainingSeason,
    firstTestSeason,
    features,
    onProgress,
  }: {
    engine: ClassifierEngine;
    regime: Regime;
    candidates: readonly Record<string, unknown>[];
    validationSeasons: readonly string[];
    firstTrainingSeason: string;
    firstTestSeason: string;
    features?: readonly string[];
    onProgress?: (message: string) => void;
  },
): Promise<SearchResult[]> {
  const late = validationSeasons.filter((s) => compareSeasons(s, firstTestSeason) >= 0);
  if (late.length)
    throw new Error(`validation seasons ${late.join(", ")} are not before the test window (${firstTestSeason})`);
  // Rows of the test window and later are dropped outright, so that nothing of them can be read.
  const visible = rows.filter((r) => compareSeasons(r.season, firstTestSeason) < 0);
  const results: SearchResult[] = [];
  for (const [i, params] of candidates.entries()) {
    const result = await walkForward(visible, {
      engine,
      params,
      regime,
      features,
      testSeasons: validationSeasons,
      firstTrainingSeason,
    });
    const rps = result.pooled.scores.model?.rps ?? NaN;
    results.push({ params, rps });
    onProgress?.(`${regime} search ${i + 1}/${candidates.length}: ${JSON.stringify(params)} → RPS ${rps.toFixed(4)}`);
  }
  return results.sort((a, b) => a.rps - b.rps);
}
