import type { Outcome, Probabilities } from "./metrics";

/** Observed home/draw/away frequencies of a set of results (the no-skill baseline). */
export function baseRates(outcomes: readonly Outcome[]): Probabilities {
  const counts = [0, 0, 0];
  for (const o of outcomes) counts[o] += 1;
  const n = outcomes.length || 1;
  return [counts[0] / n, counts[1] / n, counts[2] / n];
}
