import type { Outcome, Probabilities } from "./outcome";

/** The most probable outcome; ties go to the earlier outcome (home before draw before away). */
export function predictedOutcome(p: Probabilities): Outcome {
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
  return best as Outcome;
}
