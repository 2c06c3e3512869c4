import type { Outcome, Probabilities } from "./outcome";

/** Multi-class Brier score: sum over outcomes of (p - observed)^2, in [0, 2]. */
export function brierScore(p: Probabilities, outcome: Outcome): number {
  let sum = 0;
  for (let k = 0; k < p.length; k++) sum += (p[k] - (outcome === k ? 1 : 0)) ** 2;
  return sum;
}
