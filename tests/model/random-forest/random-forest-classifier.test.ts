import { describe, expect, it } from "vitest";
import { matrixFromRows } from "@/lib/model/classifier";
import { forestEngine } from "@/lib/model/random-forest/engine";
import { seededRandom, syntheticClassification } from "../synthetic-classification";

// One tree on all rows and all features: the tree is fully determined by the data.
const single = { nTrees: 1, bootstrap: false, maxFeatures: "all" } as const;

describe("forest: hand-checkable trees", () => {
  it("finds a pure split exactly, at the midpoint between the classes", async () => {
    // Column 0 separates the classes between 3 and 4; column 1 separates nothing cleanly.
    const x = matrixFromRows([
      [1, 5],
      [2, 1],
      [3, 4],
      [4, 2],
      [5, 6],
      [6, 3],
    ]);
    const forest = forestEngine.create(single);
    await forest.fit(x, [0, 0, 0, 1, 1, 1], { workers: 1 });
    expect(forest.tree(0)).toEqual([
      { kind: "split", feature: 0, threshold: 3.5, left: 1, right: 2 },
      { kind: "leaf", value: [1, 0] },
      { kind: "leaf", value: [0, 1] },
    ]);
    expect(
      Array.from(
        forest.predictProba(
          matrixFromRows([
            [3.49, 0],
            [3.51, 0],
          ]),
        ).data,
      ),
    ).toEqual([1, 0, 0, 1]);
  });

  it("places splits exactly on large nodes too, whether or not the boundary falls on a bin edge", async () => {
    // 1000 distinct values: 256 bins of about 4 values, so the class boundary (between 0.6 and
    // 0.601) may sit inside a bin; the small-node search on raw values then finds it exactly.
    const values = Array.from({ length: 1000 }, (_, i) => i / 1000);
    const forest = forestEngine.create({ ...single, maxDepth: 20 });
    await forest.fit(
      matrixFromRows(values.map((v) => [v])),
      values.map((v) => (v <= 0.6 ? 0 : 1)),
      { workers: 1 },
    );
    const thresholds = forest.tree(0).flatMap((node) => (node.kind === "split" ? [node.threshold] : []));
    expect(thresholds).toContain(0.6 + (0.601 - 0.6) / 2);
    expect(Array.from(forest.predictProba(matrixFromRows([[0.6004], [0.6006]])).data)).toEqual([1, 0, 0, 1]);

    // 200 distinct integers: one bin each, and the histogram search alone splits at 119.5.
    const ints = Array.from({ length: 200 }, (_, i) => i);
    const exact = forestEngine.create(single);
    await exact.fit(
      matrixFromRows(ints.map((v) => [v])),
      ints.map((v) => (v < 120 ? 0 : 1)),
      { workers: 1 },
    );
    expect(exact.tree(0)[0]).toEqual({ kind: "split", feature: 0, threshold: 119.5, left: 1, right: 2 });
  });

  it("needs depth 2 for XOR: depth 1 cannot beat 50/50, depth 2 is exact", async () => {
    const corners = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const rows = Array.from({ length: 20 }, (_, i) => corners[i % 4]);
    const y = rows.map(([a, b]) => a ^ b);
    const x = matrixFromRows(rows);

    const stump = forestEngine.create({ ...single, maxDepth: 1 });
    await stump.fit(x, y, { workers: 1 });
    expect(Array.from(stump.predictProba(matrixFromRows(corners)).data)).toEqual([
      0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5,
    ]);

    const deep = forestEngine.create({ ...single, maxDepth: 2 });
    await deep.fit(x, y, { workers: 1 });
    expect(Array.from(deep.predictProba(matrixFromRows(corners)).data)).toEqual([1, 0, 0, 1, 0, 1, 1, 0]);
    expect(deep.tree(0)).toHaveLength(7);
  });

  it("never splits on a constant feature, and gives it no importance", async () => {
    const { x, y } = syntheticClassification({ rows: 400, features: 8, seed: 3 });
    for (let r = 0; r < x.rows; r++) x.data[r * x.cols + 2] = 7;
    const forest = forestEngine.create({ nTrees: 30, maxDepth: 12, maxFeatures: 2 });
    await forest.fit(x, y, { workers: 1 });
    let splits = 0;
    for (let t = 0; t < forest.nTrees; t++) {
      for (const node of forest.tree(t)) {
        if (node.kind !== "split") continue;
        splits++;
        expect(node.feature).not.toBe(2);
      }
    }
    expect(splits).toBeGreaterThan(300);
    expect(forest.featureImportances()[2]).toBe(0);
  });

  it("leaves a single leaf with the class frequencies when every feature is constant", async () => {
    const x = matrixFromRows([
      [1, 2],
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    const forest = forestEngine.create(single);
    await forest.fit(x, [0, 1, 1, 1], { workers: 1 });
    expect(forest.tree(0)).toEqual([{ kind: "leaf", value: [0.25, 0.75] }]);
    expect(Array.from(forest.featureImportances())).toEqual([0, 0]);
  });

  it("keeps at least minSamplesLeaf distinct training rows in every leaf", async () => {
    const { x, y } = syntheticClassification({ rows: 600, features: 10, seed: 5 });
    const leafSizes = async (params: object) => {
      const forest = forestEngine.create({ nTrees: 10, maxDepth: 30, ...params });
      await forest.fit(x, y, { workers: 1 });
      const leaves = forest.apply(x);
      const counts = new Map<string, number>();
      for (let r = 0; r < x.rows; r++) {
        for (let t = 0; t < forest.nTrees; t++) {
          const key = `${t}:${leaves[r * forest.nTrees + t]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      return [...counts.values()];
    };
    // Without bootstrap every training row is in the tree, so this is exact.
    expect(Math.min(...(await leafSizes({ minSamplesLeaf: 12, bootstrap: false })))).toBeGreaterThanOrEqual(12);
    // With bootstrap the in-bag rows alone reach 12; out-of-bag rows only add to that.
    expect(Math.min(...(await leafSizes({ minSamplesLeaf: 12 })))).toBeGreaterThanOrEqual(12);
    // And the rule binds: without it, deep trees do make smaller leaves.
    expect(Math.min(...(await leafSizes({ minSamplesLeaf: 1, bootstrap: false })))).toBeLessThan(12);
  });

  it("honours minImpurityDecrease by refusing weak splits", async () => {
    const { x, y } = syntheticClassification({ rows: 500, features: 6, seed: 9 });
    const nodes = async (minImpurityDecrease: number) => {
      const forest = forestEngine.create({ ...single, maxDepth: 20, minImpurityDecrease });
      await forest.fit(x, y, { workers: 1 });
      return forest.tree(0).length;
    };
    const all = await nodes(0);
    const pruned = await nodes(0.005);
    expect(pruned).toBeLessThan(all);
    expect(pruned).toBeGreaterThan(1);
  });
});

describe("forest: probabilities, out-of-bag score and importances", () => {
  // Class = sign of column 0, with 10% of labels flipped: the best accuracy is 0.9 and column 0
  // is the only informative one.
  const rng = seededRandom(11);
  const rows = Array.from({ length: 1200 }, () => [
    rng.normal(),
    rng.normal(),
    rng.normal(),
    rng.normal(),
    rng.normal(),
  ]);
  const y = rows.map((r) => (r[0] > 0 ? 1 : 0) ^ (rng.uniform() < 0.1 ? 1 : 0));
  const x = matrixFromRows(rows);

  it("gives rows that sum to 1 with every probability in [0, 1]", async () => {
    const data = syntheticClassification({ rows: 1000, features: 12, seed: 2 });
    const forest = forestEngine.create({ nTrees: 25 });
    await forest.fit(data.x, data.y, { workers: 1 });
    const p = forest.predictProba(data.x);
    expect(p.cols).toBe(3);
    for (let r = 0; r < p.rows; r++) {
      const row = Array.from(p.data.subarray(r * 3, r * 3 + 3));
      expect(Math.abs(row[0] + row[1] + row[2] - 1)).toBeLessThan(1e-12);
      for (const v of row) expect(v >= 0 && v <= 1).toBe(true);
    }
  });

  it("reports an out-of-bag score near the best achievable", async () => {
    const forest = forestEngine.create({ nTrees: 60, maxDepth: 4 });
    await forest.fit(x, y, { workers: 1 });
    const oob = forest.outOfBag();
    expect(oob).not.toBeNull();
    expect(oob!.rows).toBe(1200);
    expect(oob!.accuracy).toBeGreaterThan(0.84);
    expect(oob!.accuracy).toBeLessThan(0.94);
    // Between a perfect model's loss (about 0.325 at 10% noise) and a coin's (0.693).
    expect(oob!.logLoss).toBeGreaterThan(0.3);
    expect(oob!.logLoss).toBeLessThan(0.45);
  });

  it("has no out-of-bag score without bootstrap", async () => {
    const forest = forestEngine.create({ nTrees: 5, bootstrap: false });
    await forest.fit(x, y, { workers: 1 });
    expect(forest.outOfBag()).toBeNull();
  });

  it("puts most impurity importance on the informative column, summing to 1", async () => {
    const forest = forestEngine.create({ nTrees: 60, maxDepth: 4 });
    await forest.fit(x, y, { workers: 1 });
    const importances = Array.from(forest.featureImportances());
    expect(importances.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(importances[0]).toBeGreaterThan(0.6);
    for (const v of importances.slice(1)) expect(v).toBeLessThan(0.15);
  });
});
