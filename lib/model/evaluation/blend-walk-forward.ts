import { poolForecasts, type Blend, type BlendSource } from "../blend/blend";
import { fitBlend, type BlendExample } from "../blend/fit-blend";
import { rankedProbabilityScore, type Probabilities } from "../metrics";
import type { Regime } from "../regime";
import type { Forecaster } from "./forecasters";
import type { PredictionRecord } from "./walk-forward";

/** A season's blend is fitted on the out-of-sample forecasts of (up to) this many seasons before it. */
export const BLEND_SEASONS = 3;

/** What each regime's blend stacks with its forest: the market with odds, the goals model without. */
export const BLEND_SOURCES: Record<Regime, BlendSource[]> = {
  "odds-free": ["forest", "goals"],
  "with-odds": ["forest", "market"],
};

const RECORD_FORECASTER: Record<BlendSource, Forecaster> = {
  forest: "forest",
  market: "marketSharp",
  goals: "dixonColes",
};

export interface BlendReport {
  sources: BlendSource[];
  /** The regime's model is the blend only if it beat the forest alone on the validation seasons. */
  chosen: boolean;
  validationSeasons: string[];
  /** Pooled RPS of the forest alone and of the blend on the validation matches both forecast; null without any. */
  validation: { n: number; forestRps: number; blendRps: number } | null;
  /** The blend fitted on the last BLEND_SEASONS seasons' forecasts: the final model's, when chosen. */
  final: Blend | null;
}

function inputsOf(record: PredictionRecord, sources: readonly BlendSource[]): Probabilities[] | null {
  const inputs = sources.map((s) => record.forecasts[RECORD_FORECASTER[s]]);
  return inputs.every((p) => p !== undefined) ? (inputs as Probabilities[]) : null;
}

function examplesOf(records: readonly PredictionRecord[], sources: readonly BlendSource[]): BlendExample[] {
  return records.flatMap((r) => {
    const inputs = inputsOf(r, sources);
    return inputs ? [{ inputs, outcome: r.outcome }] : [];
  });
}

/**
 * Adds a `blend` forecast to the records of every season that has out-of-sample forest forecasts
 * of earlier seasons (`seasons` in time order; each record's `forest` is its walk-forward forest
 * forecast): the blend that scores a season is fitted on earlier seasons only, never on its own.
 * Then decides on the validation seasons whether the blend beats the forest.
 */
export function blendWalkForward(
  records: readonly PredictionRecord[],
  {
    sources,
    seasons,
    validationSeasons,
  }: { sources: BlendSource[]; seasons: readonly string[]; validationSeasons: readonly string[] },
): BlendReport {
  const bySeason = new Map(seasons.map((s) => [s, records.filter((r) => r.season === s)]));
  const withData = seasons.filter((s) => bySeason.get(s)!.length > 0);
  withData.forEach((season, i) => {
    const earlier = withData.slice(Math.max(0, i - BLEND_SEASONS), i).flatMap((s) => bySeason.get(s)!);
    const examples = examplesOf(earlier, sources);
    if (examples.length === 0) return;
    const blend = fitBlend(sources, examples);
    for (const r of bySeason.get(season)!) {
      const inputs = inputsOf(r, sources);
      if (inputs) r.forecasts.blend = poolForecasts(blend.weights, inputs);
    }
  });
  const judged = records.filter((r) => validationSeasons.includes(r.season) && r.forecasts.blend && r.forecasts.forest);
  const mean = (f: "forest" | "blend") =>
    judged.reduce((s, r) => s + rankedProbabilityScore(r.forecasts[f]!, r.outcome), 0) / judged.length;
  const validation = judged.length ? { n: judged.length, forestRps: mean("forest"), blendRps: mean("blend") } : null;
  const chosen = validation !== null && validation.blendRps < validation.forestRps;
  const last = examplesOf(
    withData.slice(-BLEND_SEASONS).flatMap((s) => bySeason.get(s)!),
    sources,
  );
  return {
    sources: [...sources],
    chosen,
    validationSeasons: [...validationSeasons],
    validation,
    final: chosen && last.length ? fitBlend(sources, last) : null,
  };
}
