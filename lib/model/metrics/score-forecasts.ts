import { brierScore } from "./brier-score";
import { calibration, type ReliabilityBin } from "./calibration";
import { logLoss } from "./log-loss";
import type { Outcome, Probabilities } from "./outcome";
import { predictedOutcome } from "./predicted-outcome";
import { rankedProbabilityScore } from "./ranked-probability-score";

export interface ForecastScores {
  n: number;
  rps: number;
  logLoss: number;
  brier: number;
  accuracy: number;
  ece: number;
  reliability: ReliabilityBin[];
}

/** Mean RPS, log loss, Brier, accuracy and calibration of a set of forecasts. */
export function scoreForecasts(forecasts: readonly Probabilities[], outcomes: readonly Outcome[]): ForecastScores {
  if (forecasts.length !== outcomes.length) {
    throw new RangeError(`${forecasts.length} forecasts but ${outcomes.length} outcomes`);
  }
  const n = forecasts.length;
  let rps = 0;
  let ll = 0;
  let brier = 0;
  let hits = 0;
  forecasts.forEach((p, i) => {
    const o = outcomes[i];
    rps += rankedProbabilityScore(p, o);
    ll += logLoss(p, o);
    brier += brierScore(p, o);
    if (predictedOutcome(p) === o) hits += 1;
  });
  const cal = calibration(forecasts, outcomes);
  return {
    n,
    rps: n ? rps / n : NaN,
    logLoss: n ? ll / n : NaN,
    brier: n ? brier / n : NaN,
    accuracy: n ? hits / n : NaN,
    ece: cal.ece,
    reliability: cal.bins,
  };
}
