import type { Matrix } from "../classifier";
import { LOG_LOSS_EPSILON } from "../metrics/log-loss";

/**
 * Mean negative log of the probability given to the true class over a K-class probability
 * matrix, floored at LOG_LOSS_EPSILON (scikit-learn's clip): for out-of-bag and permutation scores.
 */
export function logLoss(proba: Matrix, y: ArrayLike<number>, rows?: ArrayLike<number>): number {
  const K = proba.cols;
  const n = rows ? rows.length : proba.rows;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i] : i;
    sum -= Math.log(Math.max(proba.data[r * K + y[r]], LOG_LOSS_EPSILON));
  }
  return sum / n;
}
