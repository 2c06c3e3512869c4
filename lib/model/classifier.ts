/**
 * The contract every model engine meets, so that evaluation, training and serving never know
 * which engine they drive. Classes are integers 0..nClasses-1; for match outcomes 0 = home win,
 * 1 = draw, 2 = away win (the order the ranked probability score needs).
 */

/** A dense row-major matrix of float64 values. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function createMatrix(rows: number, cols: number, data?: Float64Array): Matrix {
  const values = data ?? new Float64Array(rows * cols);
  if (values.length !== rows * cols) {
    throw new RangeError(`matrix data has ${values.length} values, expected ${rows} x ${cols} = ${rows * cols}`);
  }
  return { rows, cols, data: values };
}

/** Builds a matrix from an array of rows (tests and small inputs). */
export function matrixFromRows(rows: ArrayLike<number>[]): Matrix {
  const cols = rows.length ? rows[0].length : 0;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) throw new RangeError(`row ${i} has ${row.length} values, expected ${cols}`);
    data.set(Array.from(row), i * cols);
  });
  return { rows: rows.length, cols, data };
}

export type ModelEngineId = "forest" | "ml-random-forest";

export interface FitOptions {
  /** Called as trees finish, for progress lines; `done` of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** Threads that grow trees, for engines that can (default FOREST_WORKERS); never changes the model. */
  workers?: number;
}

/** Out-of-bag estimate of a bagged model: each training row scored by the trees that did not see it. */
export interface OutOfBagScore {
  /** Training rows left out by at least one tree (the rows scored). */
  readonly rows: number;
  readonly accuracy: number;
  /** Multi-class log loss, the true class's probability floored at 1e-15. */
  readonly logLoss: number;
}

export interface Classifier {
  readonly engine: ModelEngineId;
  /** The hyperparameters in effect (defaults filled in). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Trains on `x` (rows = samples) and labels `y` in 0..nClasses-1. */
  fit(x: Matrix, y: ArrayLike<number>, options?: FitOptions): Promise<void>;
  /** Class probabilities, `x.rows` x nClasses; every row sums to 1. */
  predictProba(x: Matrix): Matrix;
  /** Mean impurity decrease per feature, normalised to sum 1; null when the engine has none. */
  featureImportances(): Float64Array | null;
  /** A self-describing binary artifact that `engine.load` turns back into an equal classifier. */
  serialize(): Uint8Array;
  /** Out-of-bag score from the last fit; absent or null when the engine or its settings have none. */
  outOfBag?(): OutOfBagScore | null;
}

export interface ClassifierEngine<P extends object = Record<string, unknown>> {
  readonly id: ModelEngineId;
  readonly defaults: Readonly<P>;
  create(params?: Partial<P>): Classifier;
  load(artifact: Uint8Array): Classifier;
}
