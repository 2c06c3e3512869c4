import type { Matrix } from "../classifier";

/**
 * Mean negative log of the probability given to the true class, floored at 1e-15 (scikit-learn's
 * clip). A local helper for out-of-bag and permutation scores; lib/model/metrics has the full set.
 */
export function logLoss(proba: Matrix, y: ArrayLike<number>, rows?: ArrayLike<number>): number {
  const K = proba.cols;
  const n = rows ? rows.length : proba.rows;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i] : i;
    sum -= Math.log(Math.max(proba.data[r * K + y[r]], 1e-15));
  }
  return sum / n;
}
