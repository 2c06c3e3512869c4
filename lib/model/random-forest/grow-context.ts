/**
 * What every tree of one fit shares: the pre-binned training matrix, the labels and the tree
 * hyperparameters. Only plain numbers and typed arrays, so it crosses into worker threads as is
 * (typed arrays on a SharedArrayBuffer are shared, not copied).
 */
export interface GrowContext {
  readonly nRows: number;
  readonly nFeatures: number;
  readonly nClasses: number;
  /** The training values, column-major: `values[f * nRows + row]`. */
  readonly values: Float64Array;
  /** Bin of each value, column-major: `bins[f * nRows + row]`. */
  readonly bins: Uint8Array;
  /** Class of each row, 0..nClasses-1. */
  readonly labels: Uint8Array;
  /** Smallest and largest training value in each bin: `[f * 256 + bin]`. */
  readonly binMin: Float64Array;
  readonly binMax: Float64Array;
  readonly maxDepth: number;
  readonly minSamplesSplit: number;
  readonly minSamplesLeaf: number;
  readonly minImpurityDecrease: number;
  /** Features examined per split (already resolved from "sqrt" etc.). */
  readonly maxFeatures: number;
  readonly bootstrap: boolean;
}

/** One grown tree in local numbering; leaves have `feature = -1` and `left` = their leaf index. */
export interface GrownTree {
  treeIndex: number;
  feature: Int16Array;
  threshold: Float64Array;
  left: Int32Array;
  /** Class frequencies of each leaf, nLeaves x nClasses. */
  leafValues: Float32Array;
  /** Weighted impurity decrease per feature, not normalised. */
  importance: Float64Array;
  /** Rows left out of this tree's bootstrap sample (empty without bootstrap). */
  outOfBag: Int32Array;
}

/** Bins per feature the context tables are laid out for (the largest `maxBins`). */
export const BIN_STRIDE = 256;
