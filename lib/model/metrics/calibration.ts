import type { Outcome, Probabilities } from "./outcome";

export interface ReliabilityBin {
  /** Lower and upper edge of the forecast probability bin. */
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number;
  observedFrequency: number;
}

export interface Calibration {
  /** Class-wise expected calibration error: count-weighted mean |predicted - observed| over bins. */
  ece: number;
  bins: ReliabilityBin[];
}

/**
 * Class-wise calibration over all (match, outcome) pairs: each forecast contributes its three
 * probabilities, each with a hit (the outcome happened) or a miss. Pairs are grouped in equal-width
 * bins; ECE is the count-weighted mean gap between mean forecast and observed frequency.
 * Empty bins are kept in the table with count 0 and excluded from the ECE.
 */
export function calibration(
  forecasts: readonly Probabilities[],
  outcomes: readonly Outcome[],
  binCount = 10,
): Calibration {
  const sums = new Float64Array(binCount);
  const hits = new Float64Array(binCount);
  const counts = new Float64Array(binCount);
  forecasts.forEach((p, i) => {
    for (let k = 0; k < p.length; k++) {
      const b = Math.min(binCount - 1, Math.floor(p[k] * binCount));
      sums[b] += p[k];
      counts[b] += 1;
      if (outcomes[i] === k) hits[b] += 1;
    }
  });
  const total = counts.reduce((a, b) => a + b, 0);
  let ece = 0;
  const bins: ReliabilityBin[] = [];
  for (let b = 0; b < binCount; b++) {
    const meanPredicted = counts[b] ? sums[b] / counts[b] : 0;
    const observedFrequency = counts[b] ? hits[b] / counts[b] : 0;
    if (counts[b]) ece += (counts[b] / total) * Math.abs(meanPredicted - observedFrequency);
    bins.push({ lower: b / binCount, upper: (b + 1) / binCount, count: counts[b], meanPredicted, observedFrequency });
  }
  return { ece: total ? ece : NaN, bins };
}
