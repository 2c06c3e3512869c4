import type { Matrix } from "../classifier";

/**
 * Models take finite numbers only: the features module imputes missing values explicitly.
 * Throws a RangeError naming the first row and column (0-based) that holds NaN or ±Infinity.
 */
export function assertFinite(x: Matrix, what = "x"): void {
  const { rows, cols, data } = x;
  if (data.length !== rows * cols) {
    throw new RangeError(`${what} has ${data.length} values, expected ${rows} x ${cols}`);
  }
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v - v !== 0) {
      const row = Math.floor(i / cols);
      throw new RangeError(
        `${what} row ${row}, column ${i - row * cols} is ${v}: models need finite values (impute missing values before fitting or predicting)`,
      );
    }
  }
}

/**
 * Checks training labels against `x` and returns them as bytes together with the class count:
 * `nClasses` when given, else one more than the largest label.
 */
export function checkLabels(
  x: Matrix,
  y: ArrayLike<number>,
  nClasses: number | null,
): { labels: Uint8Array; nClasses: number } {
  if (x.rows === 0) throw new RangeError("x has no rows: nothing to fit");
  if (x.cols === 0) throw new RangeError("x has no columns: nothing to split on");
  if (y.length !== x.rows) throw new RangeError(`y has ${y.length} labels but x has ${x.rows} rows`);
  const limit = nClasses ?? 256;
  const labels = new Uint8Array(y.length);
  let largest = 0;
  for (let i = 0; i < y.length; i++) {
    const label = y[i];
    if (!Number.isInteger(label) || label < 0 || label >= limit) {
      throw new RangeError(`y row ${i} is ${label}: labels must be integers in 0..${limit - 1}`);
    }
    labels[i] = label;
    if (label > largest) largest = label;
  }
  return { labels, nClasses: nClasses ?? Math.max(2, largest + 1) };
}
