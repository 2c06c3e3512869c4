import { describe, expect, it } from "vitest";
import { createMatrix, matrixFromRows } from "@/lib/model/classifier";
import { mlRandomForestEngine } from "@/lib/model/ml-random-forest-engine";
import { logLoss } from "@/lib/model/random-forest/log-loss";
import { headRows, syntheticClassification, tailRows } from "./synthetic-classification";

// Small on purpose: ml-cart's split search is quadratic in the rows of a node.
describe("ml-random-forest adapter", () => {
  const { x, y } = syntheticClassification({ rows: 400, features: 8, seed: 13 });
  const train = headRows(x, 300);
  const test = tailRows(x, 300);
  const yTest = y.subarray(300);

  const trained = async () => {
    const model = mlRandomForestEngine.create({ nEstimators: 15, maxDepth: 6, maxFeatures: 0.5 });
    await model.fit(train, y.subarray(0, 300));
    return model;
  };

  it("gives 3 probabilities per row that sum to 1", async () => {
    const p = (await trained()).predictProba(test);
    expect(p.cols).toBe(3);
    for (let r = 0; r < p.rows; r++) {
      const row = p.data.subarray(r * 3, r * 3 + 3);
      expect(Math.abs(row[0] + row[1] + row[2] - 1)).toBeLessThan(1e-12);
      for (const v of row) expect(v >= 0 && v <= 1).toBe(true);
    }
  });

  it("beats the package's own predictProbability in log loss on the same trees", async () => {
    const model = await trained();
    const rows = Array.from({ length: test.rows }, (_, r) => Array.from(test.data.subarray(r * 8, r * 8 + 8)));
    const votes = createMatrix(test.rows, 3);
    for (let k = 0; k < 3; k++) {
      model.packageModel.predictProbability(rows, k).forEach((p, r) => (votes.data[r * 3 + k] = p));
    }
    // The package's vote shares do not even sum to 1 (its reduce drops the first tree's vote).
    const sums = Array.from(
      { length: test.rows },
      (_, r) => votes.data[r * 3] + votes.data[r * 3 + 1] + votes.data[r * 3 + 2],
    );
    expect(sums.some((s) => Math.abs(s - 1) > 0.01)).toBe(true);
    const ours = logLoss(model.predictProba(test), yTest);
    const theirs = logLoss(votes, yTest);
    expect(ours).toBeLessThan(theirs - 0.05);
    expect(ours).toBeLessThan(Math.log(3));
  });

  it("round-trips its artifact to identical probabilities and importances", async () => {
    const model = await trained();
    const loaded = mlRandomForestEngine.load(model.serialize());
    expect(loaded.predictProba(test).data).toEqual(model.predictProba(test).data);
    expect(loaded.featureImportances()).toEqual(model.featureImportances());
    expect(loaded.params).toEqual(model.params);
    expect(() => mlRandomForestEngine.load(new Uint8Array([80, 76, 82, 70, 1, 0]))).toThrow(
      /not an ml-random-forest artifact/,
    );
  });

  it("refuses NaN and names bad parameters", async () => {
    const model = mlRandomForestEngine.create({ nEstimators: 2 });
    await expect(
      model.fit(
        matrixFromRows([
          [1, 2],
          [NaN, 3],
        ]),
        [0, 1],
      ),
    ).rejects.toThrow(/x row 1, column 0 is NaN/);
    expect(() => mlRandomForestEngine.create({ nEstimators: 0 })).toThrow(/nEstimators/);
  });
});
