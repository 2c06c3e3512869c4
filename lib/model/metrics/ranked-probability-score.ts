import type { Outcome, Probabilities } from "./outcome";

/**
 * Ranked probability score of one forecast over ordered outcomes (home, draw, away):
 * the mean squared difference of cumulative forecast and cumulative observation over the
 * first K-1 categories. 0 is perfect; lower is better. For 3 outcomes it lies in [0, 1].
 */
export function rankedProbabilityScore(p: Probabilities, outcome: Outcome): number {
  let cumulativeForecast = 0;
  let cumulativeObserved = 0;
  let sum = 0;
  for (let k = 0; k < p.length - 1; k++) {
    cumulativeForecast += p[k];
    cumulativeObserved += outcome === k ? 1 : 0;
    sum += (cumulativeForecast - cumulativeObserved) ** 2;
  }
  return sum / (p.length - 1);
}
