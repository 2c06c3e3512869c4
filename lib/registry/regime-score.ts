import { z } from "zod";
import { REGIMES, type Regime } from "@/lib/model/regime";
import type { ModelMetrics, RegimeMetrics } from "./model-metrics";

/** A regime's walk-forward score: what is shown beside a forecast made in that regime. */
export const regimeScoreSchema = z
  .object({
    n: z.number().int().describe("Matches of the walk-forward window"),
    rps: z.number().describe("Ranked probability score, lower is better"),
    logLoss: z.number(),
    brier: z.number(),
    accuracy: z.number(),
    ece: z.number().describe("Expected calibration error"),
    marketRps: z.number().nullable().describe("The pre-match market's RPS on the same matches"),
  })
  .describe("The walk-forward score of the model version in this forecast's regime");
export type RegimeScore = z.infer<typeof regimeScoreSchema>;

/** A regime report's score, as a version stores it (metrics.regimeScores). */
export function regimeScoreOf({ pooled }: Pick<RegimeMetrics, "pooled">): RegimeScore | null {
  const model = pooled.scores.model;
  if (!model) return null;
  const { n, rps, logLoss, brier, accuracy, ece } = model;
  return { n, rps, logLoss, brier, accuracy, ece, marketRps: pooled.scores.marketPreMatch?.rps ?? null };
}

/** Each regime's score of a version; null for a regime it was not evaluated in (versions before the two regimes). */
export function regimeScores(metrics: ModelMetrics): Record<Regime, RegimeScore | null> {
  return Object.fromEntries(
    REGIMES.map((r) => [r, metrics.regimeScores?.[r] ?? (metrics.regimes ? regimeScoreOf(metrics.regimes[r]) : null)]),
  ) as Record<Regime, RegimeScore | null>;
}

/** Each regime's pooled walk-forward RPS of a version (NaN where it has none). */
export function regimeRps(metrics: ModelMetrics): Record<Regime, number> {
  const scores = regimeScores(metrics);
  return Object.fromEntries(REGIMES.map((r) => [r, scores[r]?.rps ?? NaN])) as Record<Regime, number>;
}
