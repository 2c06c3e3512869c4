import { createMatrix, type Matrix, type OutOfBagScore } from "../classifier";
import type { GrownTree } from "./grow-context";
import { leafOf, type ForestModel } from "./forest-model";
import { logLoss } from "./log-loss";

/**
 * Scores every training row with the mean leaf frequencies of the trees whose bootstrap sample
 * left it out, in tree order (so the figure does not depend on the number of workers).
 * Null when no row was ever left out (no bootstrap, or too few trees).
 */
export function outOfBagScore(
  model: ForestModel,
  trees: GrownTree[],
  x: Matrix,
  labels: Uint8Array,
): OutOfBagScore | null {
  const K = model.nClasses;
  const sums = createMatrix(x.rows, K);
  const votes = new Int32Array(x.rows);
  for (let t = 0; t < trees.length; t++) {
    for (const r of trees[t].outOfBag) {
      const v = leafOf(model, t, x.data, r * x.cols) * K;
      for (let k = 0; k < K; k++) sums.data[r * K + k] += model.leafValues[v + k];
      votes[r]++;
    }
  }
  const scored: number[] = [];
  let correct = 0;
  for (let r = 0; r < x.rows; r++) {
    if (votes[r] === 0) continue;
    scored.push(r);
    let best = 0;
    for (let k = 0; k < K; k++) {
      sums.data[r * K + k] /= votes[r];
      if (sums.data[r * K + k] > sums.data[r * K + best]) best = k;
    }
    if (best === labels[r]) correct++;
  }
  if (scored.length === 0) return null;
  return { rows: scored.length, accuracy: correct / scored.length, logLoss: logLoss(sums, labels, scored) };
}
