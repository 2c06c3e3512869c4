import { createMatrix, type Matrix } from "@/lib/model/classifier";
import { mulberry32 } from "../helpers/seeded-random";

export interface SyntheticOptions {
  rows: number;
  features: number;
  seed: number;
  /** Columns that drive the class (the first ones); at least 3, default 6. */
  informative?: number;
  /** Noisy linear mixtures of the informative columns, placed after them (default up to 6). */
  redundant?: number;
}

/** A seeded uniform [0, 1) generator and a standard normal built on it. */
export function seededRandom(seed: number): { uniform: () => number; normal: () => number } {
  const uniform = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/**
 * Seeded 3-class data shaped like match outcomes: classes drawn from a softmax of linear and
 * non-linear terms of the informative columns (so the best log loss is well above 0), with
 * football-like base rates (about 45% / 27% / 28%). The remaining columns are pure noise;
 * the last informative column is rounded to halves so some features have few distinct values.
 */
export function syntheticClassification(options: SyntheticOptions): { x: Matrix; y: Uint8Array } {
  const { rows, features, seed, informative = Math.min(6, features) } = options;
  const redundant = options.redundant ?? Math.max(0, Math.min(6, features - informative));
  if (informative < 3 || informative + redundant > features)
    throw new RangeError("need 3 <= informative and informative + redundant <= features");
  const rng = seededRandom(seed);
  const K = 3;
  const weights = Array.from({ length: K }, () => Array.from({ length: informative }, () => 0.7 * rng.normal()));
  const interaction = Array.from({ length: K }, () => 0.8 * rng.normal());
  const curvature = Array.from({ length: K }, () => 0.5 * rng.normal());
  const bias = [Math.log(0.45), Math.log(0.27), Math.log(0.28)];
  const mixing = Array.from({ length: redundant }, () => Array.from({ length: informative }, () => rng.normal()));

  const x = createMatrix(rows, features);
  const y = new Uint8Array(rows);
  const z = new Float64Array(informative);
  const logits = new Float64Array(K);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < informative; j++) z[j] = rng.normal();
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      let s = bias[k] + interaction[k] * z[0] * z[1] + curvature[k] * (z[2] * z[2] - 1);
      for (let j = 0; j < informative; j++) s += weights[k][j] * z[j];
      logits[k] = s;
      max = Math.max(max, s);
    }
    let total = 0;
    for (let k = 0; k < K; k++) total += logits[k] = Math.exp(logits[k] - max);
    let u = rng.uniform() * total;
    let label = 0;
    while (label < K - 1 && (u -= logits[label]) >= 0) label++;
    y[r] = label;

    const row = r * features;
    for (let j = 0; j < informative; j++) x.data[row + j] = z[j];
    x.data[row + informative - 1] = Math.round(2 * z[informative - 1]) / 2;
    for (let i = 0; i < redundant; i++) {
      let v = 0.5 * rng.normal();
      for (let j = 0; j < informative; j++) v += mixing[i][j] * z[j];
      x.data[row + informative + i] = v;
    }
    for (let j = informative + redundant; j < features; j++) x.data[row + j] = rng.normal();
  }
  return { x, y };
}

/** The first `rows` rows of a matrix (a view, no copy). */
export function headRows(x: Matrix, rows: number): Matrix {
  return createMatrix(rows, x.cols, x.data.subarray(0, rows * x.cols));
}

/** Rows `from`.. of a matrix (a view, no copy). */
export function tailRows(x: Matrix, from: number): Matrix {
  return createMatrix(x.rows - from, x.cols, x.data.subarray(from * x.cols));
}
