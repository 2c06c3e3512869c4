import { applyBlend, type Blend } from "../blend/blend";
import { fitBlend, type BlendExample } from "../blend/fit-blend";
import { rankedProbabilityScore } from "../metrics";
import type { PredictionRecord } from "./walk-forward";

/** A season's blend is fitted on the out-of-sample forecasts of (up to) this many seasons before it. */
export const BLEND_SEASONS = 3;

export interface BlendReport {
  /** The with-odds model is the blend only if it beat the forest alone on the validation seasons. */
  chosen: boolean;
  validationSeasons: string[];
  /** Pooled RPS of the forest alone and of the blend on the validation matches both forecast; null without any. */
  validation: { n: number; forestRps: number; blendRps: number } | null;
  /** The blend fitted on the last BLEND_SEASONS seasons' forecasts: the final model's, when chosen. */
  final: Blend | null;
}

function examplesOf(records: readonly PredictionRecord[]): BlendExample[] {
  return records.flatMap((r) =>
    r.forecasts.forest && r.forecasts.marketSharp
      ? [{ forest: r.forecasts.forest, market: r.forecasts.marketSharp, outcome: r.outcome }]
      : [],
  );
}

/**
 * Adds a `blend` forecast to the records of every season that has out-of-sample forest forecasts
 * of earlier seasons (`seasons` in time order; each record's `forest` is the walk-forward forest
 * forecast): the blend that scores a season is fitted on earlier seasons only, never on its own.
 * Then decides on the validation seasons whether the blend beats the forest.
 */
export function blendWalkForward(
  records: readonly PredictionRecord[],
  seasons: readonly string[],
  validationSeasons: readonly string[],
): BlendReport {
  const bySeason = new Map(seasons.map((s) => [s, records.filter((r) => r.season === s)]));
  const withData = seasons.filter((s) => bySeason.get(s)!.length > 0);
  withData.forEach((season, i) => {
    const earlier = examplesOf(withData.slice(Math.max(0, i - BLEND_SEASONS), i).flatMap((s) => bySeason.get(s)!));
    if (earlier.length === 0) return;
    const blend = fitBlend(earlier);
    for (const r of bySeason.get(season)!) {
      if (r.forecasts.forest && r.forecasts.marketSharp)
        r.forecasts.blend = applyBlend(blend, r.forecasts.forest, r.forecasts.marketSharp);
    }
  });
  const judged = records.filter((r) => validationSeasons.includes(r.season) && r.forecasts.blend && r.forecasts.forest);
  const mean = (f: "forest" | "blend") =>
    judged.reduce((s, r) => s + rankedProbabilityScore(r.forecasts[f]!, r.outcome), 0) / judged.length;
  const validation = judged.length ? { n: judged.length, forestRps: mean("forest"), blendRps: mean("blend") } : null;
  const chosen = validation !== null && validation.blendRps < validation.forestRps;
  const last = examplesOf(withData.slice(-BLEND_SEASONS).flatMap((s) => bySeason.get(s)!));
  return {
    chosen,
    validationSeasons: [...validationSeasons],
    validation,
    final: chosen && last.length ? fitBlend(last) : null,
  };
}
