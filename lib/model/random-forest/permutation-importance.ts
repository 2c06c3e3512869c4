import { createMatrix, type Classifier, type Matrix } from "../classifier";
import { logLoss } from "./log-loss";

export interface PermutationImportance {
  /** Log loss on the unshuffled rows. */
  baseline: number;
  /** Per feature: mean rise in log loss when that column is shuffled (<= 0: the feature does not help). */
  mean: Float64Array;
  /** Per feature: standard deviation of that rise over the repeats. */
  std: Float64Array;
}

/**
 * Permutation importance of any fitted classifier: shuffle one column at a time (seeded, so the
 * result is reproducible) and measure how much the log loss on (x, y) rises. Use held-out rows
 * to learn what generalises; training rows show what the model leans on.
 */
export function permutationImportance(
  model: Pick<Classifier, "predictProba">,
  x: Matrix,
  y: ArrayLike<number>,
  options: { repeats?: number; seed?: number } = {},
): PermutationImportance {
  const { repeats = 5, seed = 42 } = options;
  if (y.length !== x.rows) throw new RangeError(`y has ${y.length} labels but x has ${x.rows} rows`);
  if (!Number.isInteger(repeats) || repeats < 1)
    throw new RangeError(`repeats must be a positive integer, got ${repeats}`);
  const baseline = logLoss(model.predictProba(x), y);
  const shuffled = createMatrix(x.rows, x.cols, x.data.slice());
  const mean = new Float64Array(x.cols);
  const std = new Float64Array(x.cols);
  let state = seed >>> 0;
  const randomBelow = (n: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };

  for (let f = 0; f < x.cols; f++) {
    const rises: number[] = [];
    for (let rep = 0; rep < repeats; rep++) {
      for (let i = x.rows - 1; i > 0; i--) {
        const j = randomBelow(i + 1);
        const a = shuffled.data[i * x.cols + f];
        shuffled.data[i * x.cols + f] = shuffled.data[j * x.cols + f];
        shuffled.data[j * x.cols + f] = a;
      }
      rises.push(logLoss(model.predictProba(shuffled), y) - baseline);
    }
    for (let r = 0; r < x.rows; r++) shuffled.data[r * x.cols + f] = x.data[r * x.cols + f];
    mean[f] = rises.reduce((a, b) => a + b, 0) / repeats;
    std[f] = Math.sqrt(rises.reduce((a, b) => a + (b - mean[f]) ** 2, 0) / repeats);
  }
  return { baseline, mean, std };
}
