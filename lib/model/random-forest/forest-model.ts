import { createMatrix, type Matrix } from "../classifier";
import type { GrownTree } from "./grow-context";

/**
 * A fitted forest as flat typed arrays (all trees concatenated). Node `i` is a leaf when
 * `feature[i] === -1`, and then `left[i]` is its row in `leafValues`; otherwise rows with
 * `x[feature[i]] <= threshold[i]` go to node `left[i]`, the others to `left[i] + 1`.
 */
export interface ForestModel {
  readonly nFeatures: number;
  readonly nClasses: number;
  readonly nTrees: number;
  /** First node of each tree, plus the total node count at the end (length nTrees + 1). */
  readonly treeStart: Int32Array;
  readonly feature: Int16Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  /** Class frequencies of each leaf, row-major nLeaves x nClasses. */
  readonly leafValues: Float32Array;
  /** Mean impurity decrease per feature, normalised to sum 1 (all zero if no tree split). */
  readonly importances: Float64Array;
}

/** Concatenates grown trees (in index order) into one forest. */
export function assembleForest(trees: GrownTree[], nFeatures: number, nClasses: number): ForestModel {
  const nTrees = trees.length;
  const treeStart = new Int32Array(nTrees + 1);
  let nLeaves = 0;
  for (let t = 0; t < nTrees; t++) {
    treeStart[t + 1] = treeStart[t] + trees[t].feature.length;
    nLeaves += trees[t].leafValues.length / nClasses;
  }
  const nNodes = treeStart[nTrees];
  const feature = new Int16Array(nNodes);
  const threshold = new Float64Array(nNodes);
  const left = new Int32Array(nNodes);
  const leafValues = new Float32Array(nLeaves * nClasses);
  const importances = new Float64Array(nFeatures);
  let leafStart = 0;
  let treesWithSplits = 0;
  for (let t = 0; t < nTrees; t++) {
    const tree = trees[t];
    const base = treeStart[t];
    feature.set(tree.feature, base);
    threshold.set(tree.threshold, base);
    for (let i = 0; i < tree.left.length; i++) {
      left[base + i] = tree.left[i] + (tree.feature[i] < 0 ? leafStart : base);
    }
    leafValues.set(tree.leafValues, leafStart * nClasses);
    leafStart += tree.leafValues.length / nClasses;
    // As scikit-learn: each tree's importances sum to 1; single-leaf trees are left out.
    const sum = tree.importance.reduce((a, b) => a + b, 0);
    if (tree.feature.length > 1 && sum > 0) {
      treesWithSplits++;
      for (let f = 0; f < nFeatures; f++) importances[f] += tree.importance[f] / sum;
    }
  }
  if (treesWithSplits > 0) for (let f = 0; f < nFeatures; f++) importances[f] /= treesWithSplits;
  return { nFeatures, nClasses, nTrees, treeStart, feature, threshold, left, leafValues, importances };
}

/** The leaf row (in `leafValues`) that row `row` of `data` reaches in tree `t`. */
export function leafOf(model: ForestModel, t: number, data: Float64Array, rowOffset: number): number {
  const { feature, threshold, left } = model;
  let node = model.treeStart[t];
  let f = feature[node];
  while (f >= 0) {
    node = data[rowOffset + f] <= threshold[node] ? left[node] : left[node] + 1;
    f = feature[node];
  }
  return left[node];
}

/** Mean of the leaf class frequencies over all trees; rows renormalised to sum exactly 1. */
export function predictForest(model: ForestModel, x: Matrix): Matrix {
  const K = model.nClasses;
  const out = createMatrix(x.rows, K);
  const { leafValues } = model;
  for (let r = 0; r < x.rows; r++) {
    const o = r * K;
    for (let t = 0; t < model.nTrees; t++) {
      const v = leafOf(model, t, x.data, r * x.cols) * K;
      for (let k = 0; k < K; k++) out.data[o + k] += leafValues[v + k];
    }
    let sum = 0;
    for (let k = 0; k < K; k++) sum += out.data[o + k];
    for (let k = 0; k < K; k++) out.data[o + k] /= sum;
  }
  return out;
}
