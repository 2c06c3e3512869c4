import { createMatrix, type Matrix } from "@/lib/model/classifier";
import { forestEngine } from "@/lib/model/random-forest/engine";
import { mlRandomForestEngine } from "@/lib/model/ml-random-forest-engine";
import { logLoss } from "@/lib/model/random-forest/log-loss";

export interface EngineComparison {
  forest: number;
  mlRandomForest: number;
}

/**
 * Test log loss of both engines on the same time-ordered split (first `trainRows` rows train),
 * with matching settings: trees, depth, and sqrt(F) features (per split for `forest`, per tree
 * for ml-random-forest, the most it offers). Keep inputs small: ml-random-forest is slow.
 */
export async function compareEngines(
  x: Matrix,
  y: Uint8Array,
  trainRows: number,
  trees = 30,
  maxDepth = 8,
): Promise<EngineComparison> {
  const train = createMatrix(trainRows, x.cols, x.data.subarray(0, trainRows * x.cols));
  const test = createMatrix(x.rows - trainRows, x.cols, x.data.subarray(trainRows * x.cols));
  const yTrain = y.subarray(0, trainRows);
  const yTest = y.subarray(trainRows);
  const forest = forestEngine.create({ nTrees: trees, maxDepth });
  await forest.fit(train, yTrain, { workers: 1 });
  const ml = mlRandomForestEngine.create({
    nEstimators: trees,
    maxDepth,
    maxFeatures: Math.max(2, Math.floor(Math.sqrt(x.cols))),
  });
  await ml.fit(train, yTrain);
  return { forest: logLoss(forest.predictProba(test), yTest), mlRandomForest: logLoss(ml.predictProba(test), yTest) };
}
