import type { Matrix } from "../classifier";
import { BIN_STRIDE } from "./grow-context";

export interface BinnedFeatures {
  /** The values themselves, column-major (`values[f * rows + row]`), on a SharedArrayBuffer. */
  values: Float64Array;
  /** Bin of each value, column-major (`bins[f * rows + row]`), on a SharedArrayBuffer. */
  bins: Uint8Array;
  /** Smallest and largest training value in each bin, `[f * BIN_STRIDE + bin]`. */
  binMin: Float64Array;
  binMax: Float64Array;
}

/**
 * Lays every feature out column by column and quantizes it, once per fit, into at most
 * `maxBins` bins of about equal row counts. A distinct value never straddles two bins, so a
 * feature with at most `maxBins` distinct values gets one bin per value and split search over
 * bins is exact.
 */
export function binFeatures(x: Matrix, maxBins: number): BinnedFeatures {
  const { rows, cols, data } = x;
  const values = new Float64Array(new SharedArrayBuffer(rows * cols * 8));
  const bins = new Uint8Array(new SharedArrayBuffer(rows * cols));
  const binMin = new Float64Array(new SharedArrayBuffer(cols * BIN_STRIDE * 8));
  const binMax = new Float64Array(new SharedArrayBuffer(cols * BIN_STRIDE * 8));
  const column = new Float64Array(rows);
  const upper = new Float64Array(maxBins);

  for (let f = 0; f < cols; f++) {
    for (let r = 0; r < rows; r++) column[r] = data[r * cols + f];
    values.set(column, f * rows);
    const sorted = column.slice().sort();
    const nBins = binEdges(sorted, maxBins, upper, binMin.subarray(f * BIN_STRIDE), binMax.subarray(f * BIN_STRIDE));
    for (let r = 0; r < rows; r++) bins[f * rows + r] = findBin(upper, nBins, column[r]);
  }
  return { values, bins, binMin, binMax };
}

// One bin per distinct value when they fit; otherwise a greedy quantile cut over the sorted
// values that closes a bin once it holds its share of the rows still to place, and only between
// two different values. Returns the number of bins.
function binEdges(
  sorted: Float64Array,
  maxBins: number,
  upper: Float64Array,
  min: Float64Array,
  max: Float64Array,
): number {
  const n = sorted.length;
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === n - 1 || sorted[i + 1] !== sorted[i]) distinct++;
  let nBins = 0;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const lastOfValue = i === n - 1 || sorted[i + 1] !== sorted[i];
    if (!lastOfValue) continue;
    const binsLeft = maxBins - nBins;
    const share = (n - start) / binsLeft;
    if (distinct <= maxBins || i === n - 1 || (binsLeft > 1 && i + 1 - start >= share)) {
      min[nBins] = sorted[start];
      max[nBins] = sorted[i];
      upper[nBins] = sorted[i];
      nBins++;
      start = i + 1;
    }
  }
  return nBins;
}

function findBin(upper: Float64Array, nBins: number, value: number): number {
  let lo = 0;
  let hi = nBins - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (upper[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
