import { env } from "@/lib/env";
import type { Classifier, FitOptions, Matrix, OutOfBagScore } from "../classifier";
import { binFeatures } from "./bin-features";
import { assembleForest, leafOf, predictForest, type ForestModel } from "./forest-model";
import { growTrees } from "./grow-trees";
import { outOfBagScore } from "./out-of-bag";
import { resolveMaxFeatures, type ForestParams } from "./params";
import { encodeForest } from "./serialize";
import { assertFinite, checkLabels } from "./validate-input";

/** One node of a tree as plain data (for inspection and tests). */
export type TreeNodeView =
  | { kind: "split"; feature: number; threshold: number; left: number; right: number }
  | { kind: "leaf"; value: number[] };

/**
 * The project's random forest: CART trees on Gini impurity over histogram-binned features,
 * grown in parallel on worker threads, soft-vote probabilities. Inputs must be finite.
 */
export class RandomForestClassifier implements Classifier {
  readonly engine = "forest" as const;
  private oob: OutOfBagScore | null = null;

  constructor(
    readonly params: Readonly<ForestParams>,
    private model: ForestModel | null = null,
    outOfBag: OutOfBagScore | null = null,
  ) {
    this.oob = outOfBag;
  }

  async fit(x: Matrix, y: ArrayLike<number>, options: FitOptions = {}): Promise<void> {
    const { labels, nClasses } = checkLabels(x, y, this.params.nClasses);
    assertFinite(x);
    if (x.cols > 32_767) throw new RangeError(`x has ${x.cols} columns; the forest takes at most 32767`);
    const binned = binFeatures(x, this.params.maxBins);
    // Shared memory: worker threads read the labels without a copy.
    const sharedLabels = new Uint8Array(new SharedArrayBuffer(labels.length));
    sharedLabels.set(labels);
    const ctx = {
      nRows: x.rows,
      nFeatures: x.cols,
      nClasses,
      ...binned,
      labels: sharedLabels,
      maxDepth: this.params.maxDepth,
      minSamplesSplit: this.params.minSamplesSplit,
      minSamplesLeaf: this.params.minSamplesLeaf,
      minImpurityDecrease: this.params.minImpurityDecrease,
      maxFeatures: resolveMaxFeatures(this.params.maxFeatures, x.cols),
      bootstrap: this.params.bootstrap,
    };
    const workers = options.workers ?? env().FOREST_WORKERS;
    const trees = await growTrees(ctx, this.params.nTrees, this.params.seed, workers, options.onProgress);
    const model = assembleForest(trees, x.cols, nClasses);
    this.oob = this.params.bootstrap ? outOfBagScore(model, trees, x, labels) : null;
    this.model = model;
  }

  predictProba(x: Matrix): Matrix {
    const model = this.fitted();
    this.checkColumns(x);
    assertFinite(x);
    return predictForest(model, x);
  }

  featureImportances(): Float64Array {
    return this.fitted().importances.slice();
  }

  outOfBag(): OutOfBagScore | null {
    return this.oob;
  }

  serialize(): Uint8Array {
    return encodeForest({ params: { ...this.params }, model: this.fitted(), outOfBag: this.oob });
  }

  get nClasses(): number {
    return this.fitted().nClasses;
  }

  get nTrees(): number {
    return this.fitted().nTrees;
  }

  /** The leaf each row reaches in each tree: `x.rows` x nTrees leaf ids (as scikit-learn's `apply`). */
  apply(x: Matrix): Int32Array {
    const model = this.fitted();
    this.checkColumns(x);
    assertFinite(x);
    const out = new Int32Array(x.rows * model.nTrees);
    for (let r = 0; r < x.rows; r++) {
      for (let t = 0; t < model.nTrees; t++) out[r * model.nTrees + t] = leafOf(model, t, x.data, r * x.cols);
    }
    return out;
  }

  /** Tree `t` as a list of nodes, root first; child ids index the same list. */
  tree(t: number): TreeNodeView[] {
    const m = this.fitted();
    if (!Number.isInteger(t) || t < 0 || t >= m.nTrees)
      throw new RangeError(`tree ${t} does not exist (0..${m.nTrees - 1})`);
    const base = m.treeStart[t];
    const nodes: TreeNodeView[] = [];
    for (let i = base; i < m.treeStart[t + 1]; i++) {
      if (m.feature[i] < 0) {
        nodes.push({
          kind: "leaf",
          value: Array.from(m.leafValues.subarray(m.left[i] * m.nClasses, (m.left[i] + 1) * m.nClasses)),
        });
      } else {
        nodes.push({
          kind: "split",
          feature: m.feature[i],
          threshold: m.threshold[i],
          left: m.left[i] - base,
          right: m.left[i] + 1 - base,
        });
      }
    }
    return nodes;
  }

  private fitted(): ForestModel {
    if (!this.model) throw new Error("the forest is not fitted: call fit() or load an artifact first");
    return this.model;
  }

  private checkColumns(x: Matrix): void {
    const expected = this.fitted().nFeatures;
    if (x.cols !== expected) throw new RangeError(`x has ${x.cols} columns; the forest was fitted on ${expected}`);
  }
}
