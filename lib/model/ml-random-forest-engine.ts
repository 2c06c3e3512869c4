import { RandomForestClassifier as PackageForest } from "ml-random-forest";
import { z } from "zod";
import { createMatrix, type Classifier, type ClassifierEngine, type FitOptions, type Matrix } from "./classifier";
import { assertFinite, checkLabels } from "./random-forest/validate-input";

const paramsSchema = z
  .object({
    nEstimators: z.number().int().min(1).max(10_000).default(100),
    /** Features each tree sees (the package samples them per tree, not per split): a share in (0, 1] or a count. */
    maxFeatures: z.number().positive().default(1),
    maxDepth: z.number().int().min(1).max(1_000).default(10),
    /** ml-cart makes a node a leaf when it holds this many rows or fewer. */
    minNumSamples: z.number().int().min(1).default(3),
    /** ml-cart's minimum Gini gain for a split. */
    gainThreshold: z.number().min(0).default(0.01),
    seed: z.number().int().min(0).max(0x7fff_ffff).default(42),
    nClasses: z.number().int().min(2).max(256).nullable().default(null),
  })
  .strict();

export type MlRandomForestParams = z.infer<typeof paramsSchema>;

// The parts of ml-cart's tree nodes the adapter reads (they are plain objects in the package).
interface CartNode {
  left?: CartNode;
  right?: CartNode;
  splitColumn: number;
  splitValue: number;
  distribution?: { to1DArray(): number[] };
}

const MAGIC = "PLMR";
const VERSION = 1;

/**
 * ml-random-forest behind the Classifier contract. Probabilities are the mean of the leaf class
 * frequencies of its trees, not the package's `predictProbability` (vote counts that drop the
 * first tree's vote). Slow: ml-cart's split search is quadratic in the rows of a node.
 */
export class MlRandomForestClassifier implements Classifier {
  readonly engine = "ml-random-forest" as const;
  private forest: PackageForest | null = null;
  private leaves = new WeakMap<CartNode, Float64Array>();
  private importances: Float64Array | null = null;
  private nFeatures = 0;
  private nClasses = 0;

  constructor(readonly params: Readonly<MlRandomForestParams>) {}

  async fit(x: Matrix, y: ArrayLike<number>, options: FitOptions = {}): Promise<void> {
    const { labels, nClasses } = checkLabels(x, y, this.params.nClasses);
    assertFinite(x);
    const { nEstimators, maxFeatures, maxDepth, minNumSamples, gainThreshold, seed } = this.params;
    const forest = new PackageForest({
      nEstimators,
      maxFeatures,
      replacement: false,
      seed,
      useSampleBagging: true,
      noOOB: true,
      treeOptions: { maxDepth, minNumSamples, gainThreshold },
    });
    forest.train(toRows(x), Array.from(labels));
    // featureImportance() exists in the package but not in its type declarations.
    const importances = Float64Array.from((forest as unknown as { featureImportance(): number[] }).featureImportance());
    this.setModel(forest, x.cols, nClasses, importances.every(Number.isFinite) ? importances : null);
    options.onProgress?.(nEstimators, nEstimators);
  }

  predictProba(x: Matrix): Matrix {
    const forest = this.fitted();
    if (x.cols !== this.nFeatures)
      throw new RangeError(`x has ${x.cols} columns; the forest was fitted on ${this.nFeatures}`);
    assertFinite(x);
    const K = this.nClasses;
    const out = createMatrix(x.rows, K);
    const trees = forest.estimators as unknown as { root: CartNode }[];
    const columns = forest.indexes as number[][];
    for (let t = 0; t < trees.length; t++) {
      const used = columns[t];
      for (let r = 0; r < x.rows; r++) {
        let node = trees[t].root;
        // ml-cart sends `value < splitValue` left.
        while (node.left && node.right)
          node = x.data[r * x.cols + used[node.splitColumn]] < node.splitValue ? node.left : node.right;
        const leaf = this.leafValues(node);
        for (let k = 0; k < K; k++) out.data[r * K + k] += leaf[k];
      }
    }
    for (let r = 0; r < x.rows; r++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += out.data[r * K + k];
      for (let k = 0; k < K; k++) out.data[r * K + k] /= sum;
    }
    return out;
  }

  featureImportances(): Float64Array | null {
    this.fitted();
    return this.importances ? this.importances.slice() : null;
  }

  /** "PLMR", u16 version, then the package's own JSON model with our counts and params. */
  serialize(): Uint8Array {
    const body = JSON.stringify({
      params: this.params,
      nFeatures: this.nFeatures,
      nClasses: this.nClasses,
      importances: this.importances ? Array.from(this.importances) : null,
      model: this.fitted().toJSON(),
    });
    const json = new TextEncoder().encode(body);
    const bytes = new Uint8Array(6 + json.length);
    bytes.set(new TextEncoder().encode(MAGIC));
    new DataView(bytes.buffer).setUint16(4, VERSION, true);
    bytes.set(json, 6);
    return bytes;
  }

  /** The underlying ml-random-forest model (for comparisons with the package's own methods). */
  get packageModel(): PackageForest {
    return this.fitted();
  }

  static load(artifact: Uint8Array): MlRandomForestClassifier {
    if (artifact.length < 6 || new TextDecoder().decode(artifact.subarray(0, 4)) !== MAGIC) {
      throw new Error("not an ml-random-forest artifact (missing PLMR magic)");
    }
    const version = new DataView(artifact.buffer, artifact.byteOffset, artifact.byteLength).getUint16(4, true);
    if (version !== VERSION)
      throw new Error(`ml-random-forest artifact version ${version} is not supported (this build reads ${VERSION})`);
    const saved = JSON.parse(new TextDecoder().decode(artifact.subarray(6)));
    const classifier = new MlRandomForestClassifier(parseParams(saved.params));
    const importances = saved.importances ? Float64Array.from(saved.importances as number[]) : null;
    classifier.setModel(PackageForest.load(saved.model), saved.nFeatures, saved.nClasses, importances);
    return classifier;
  }

  private setModel(forest: PackageForest, nFeatures: number, nClasses: number, importances: Float64Array | null): void {
    this.forest = forest;
    this.nFeatures = nFeatures;
    this.nClasses = nClasses;
    this.importances = importances;
    this.leaves = new WeakMap();
  }

  // A leaf's class frequencies, padded to nClasses (ml-cart sizes them by the largest label in
  // the leaf) and renormalised (it sums 1/n terms).
  private leafValues(node: CartNode): Float64Array {
    let values = this.leaves.get(node);
    if (!values) {
      const raw = node.distribution?.to1DArray() ?? [];
      values = new Float64Array(this.nClasses);
      let sum = 0;
      for (let k = 0; k < raw.length && k < this.nClasses; k++) sum += values[k] = raw[k];
      for (let k = 0; k < this.nClasses; k++) values[k] /= sum;
      this.leaves.set(node, values);
    }
    return values;
  }

  private fitted(): PackageForest {
    if (!this.forest) throw new Error("the ml-random-forest model is not fitted: call fit() or load an artifact first");
    return this.forest;
  }
}

function parseParams(params: Partial<MlRandomForestParams> = {}): MlRandomForestParams {
  const result = paramsSchema.safeParse(params);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".") || "params"}: ${i.message}`);
  throw new RangeError(`invalid ml-random-forest parameters: ${problems.join("; ")}`);
}

function toRows(x: Matrix): number[][] {
  const rows: number[][] = [];
  for (let r = 0; r < x.rows; r++) rows.push(Array.from(x.data.subarray(r * x.cols, (r + 1) * x.cols)));
  return rows;
}

/** ml-random-forest behind the engine contract (`MODEL_ENGINE=ml-random-forest`). */
export const mlRandomForestEngine = {
  id: "ml-random-forest",
  defaults: Object.freeze(paramsSchema.parse({})),
  create: (params?: Partial<MlRandomForestParams>) => new MlRandomForestClassifier(parseParams(params)),
  load: (artifact: Uint8Array) => MlRandomForestClassifier.load(artifact),
} satisfies ClassifierEngine<MlRandomForestParams>;
