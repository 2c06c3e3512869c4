/** Match outcome as a class index: 0 home win, 1 draw, 2 away win (ordered for the RPS). */
export type Outcome = 0 | 1 | 2;

export const OUTCOMES = ["H", "D", "A"] as const;
export type ResultCode = (typeof OUTCOMES)[number];

export function outcomeFromResult(result: ResultCode): Outcome {
  return OUTCOMES.indexOf(result) as Outcome;
}

export function resultFromOutcome(outcome: Outcome): ResultCode {
  return OUTCOMES[outcome];
}

/** Probabilities of home, draw, away for one match. */
export type Probabilities = readonly [number, number, number];
