import { z } from "zod";

/** Hyperparameters of the forest engine; names follow scikit-learn's RandomForestClassifier. */
export const forestParamsSchema = z
  .object({
    nTrees: z.number().int().min(1).max(10_000).default(100),
    /** Root is depth 0; nodes at `maxDepth` are leaves. */
    maxDepth: z.number().int().min(1).max(1_000).default(10),
    /** Distinct rows a node needs before it may be split. */
    minSamplesSplit: z.number().int().min(2).default(2),
    /** Distinct rows each leaf keeps (bootstrap duplicates count once, as in scikit-learn). */
    minSamplesLeaf: z.number().int().min(1).default(1),
    /** Weighted Gini decrease a split must bring, as a share of all training weight. */
    minImpurityDecrease: z.number().min(0).default(0),
    /** Features tried per split: "sqrt", "log2", "all", a count (integer >= 1) or a share in (0, 1). */
    maxFeatures: z
      .union([
        z.enum(["sqrt", "log2", "all"]),
        z
          .number()
          .positive()
          .refine((v) => v < 1 || Number.isInteger(v), "must be an integer count or a share in (0, 1)"),
      ])
      .default("sqrt"),
    bootstrap: z.boolean().default(true),
    /** Histogram bins per feature (bin edges from quantiles of the training values). */
    maxBins: z.number().int().min(2).max(256).default(256),
    seed: z.number().int().min(0).max(0xffff_ffff).default(42),
    /** Number of classes; null: one more than the largest training label. */
    nClasses: z.number().int().min(2).max(256).nullable().default(null),
  })
  .strict();

export type ForestParams = z.infer<typeof forestParamsSchema>;

export const forestDefaults: Readonly<ForestParams> = Object.freeze(forestParamsSchema.parse({}));

/** Fills in defaults; throws a RangeError naming every bad parameter. */
export function parseForestParams(params: Partial<ForestParams> = {}): ForestParams {
  const result = forestParamsSchema.safeParse(params);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".") || "params"}: ${i.message}`);
  throw new RangeError(`invalid forest parameters: ${problems.join("; ")}`);
}

/** The number of features tried per split for `nFeatures` columns. */
export function resolveMaxFeatures(maxFeatures: ForestParams["maxFeatures"], nFeatures: number): number {
  let count: number;
  if (maxFeatures === "sqrt") count = Math.floor(Math.sqrt(nFeatures));
  else if (maxFeatures === "log2") count = Math.floor(Math.log2(nFeatures));
  else if (maxFeatures === "all") count = nFeatures;
  else if (maxFeatures < 1) count = Math.floor(maxFeatures * nFeatures);
  else count = maxFeatures;
  return Math.min(nFeatures, Math.max(1, count));
}
