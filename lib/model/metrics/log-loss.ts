import type { Outcome, Probabilities } from "./outcome";

/** Probabilities are clipped to [eps, 1] so that one certain miss gives a large but finite loss. */
export const LOG_LOSS_EPSILON = 1e-15;

/** Negative natural log of the probability given to the outcome that happened. */
export function logLoss(p: Probabilities, outcome: Outcome): number {
  return -Math.log(Math.max(LOG_LOSS_EPSILON, Math.min(1, p[outcome])));
}
