import { describe, expect, it } from "vitest";
import { matrixFromRows } from "@/lib/model/classifier";
import { forestEngine } from "@/lib/model/random-forest/engine";
import { assertFinite, checkLabels } from "@/lib/model/random-forest/validate-input";

describe("model input rules", () => {
  const x = matrixFromRows([
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
    [1, 0, 1],
  ]);

  it("names the row and column of a NaN or infinite value", () => {
    expect(() =>
      assertFinite(
        matrixFromRows([
          [1, 2],
          [3, NaN],
        ]),
      ),
    ).toThrow(/x row 1, column 1 is NaN/);
    expect(() => assertFinite(matrixFromRows([[1, -Infinity]]))).toThrow(/x row 0, column 1 is -Infinity/);
    expect(() => assertFinite(x)).not.toThrow();
  });

  it("checks labels: count, integers, range; infers the class count", () => {
    expect(checkLabels(x, [0, 2, 1, 0], null).nClasses).toBe(3);
    expect(checkLabels(x, [0, 1, 1, 0], 3).nClasses).toBe(3);
    expect(() => checkLabels(x, [0, 1, 1], null)).toThrow(/y has 3 labels but x has 4 rows/);
    expect(() => checkLabels(x, [0, 1.5, 1, 0], null)).toThrow(/y row 1 is 1.5/);
    expect(() => checkLabels(x, [0, 1, 3, 0], 3)).toThrow(/y row 2 is 3: labels must be integers in 0..2/);
    expect(() => checkLabels(matrixFromRows([]), [], null)).toThrow(/no rows/);
  });

  it("makes the forest refuse NaN in fit and predict, keeping the model it had", async () => {
    const forest = forestEngine.create({ nTrees: 3 });
    await forest.fit(x, [0, 1, 1, 0], { workers: 1 });
    const before = forest.serialize();
    const bad = matrixFromRows([
      [1, 2, 3],
      [4, NaN, 6],
      [7, 8, 9],
      [1, 0, 1],
    ]);
    await expect(forest.fit(bad, [0, 1, 1, 0], { workers: 1 })).rejects.toThrow(/x row 1, column 1 is NaN/);
    expect(() => forest.predictProba(bad)).toThrow(/x row 1, column 1 is NaN/);
    expect(Buffer.from(forest.serialize()).equals(Buffer.from(before))).toBe(true);
    expect(() => forest.predictProba(matrixFromRows([[1, 2]]))).toThrow(/x has 2 columns; the forest was fitted on 3/);
  });

  it("names every bad parameter", () => {
    expect(() => forestEngine.create({ maxDepth: 0, nTrees: 1.5 })).toThrow(/nTrees: .*; maxDepth: /);
    expect(() => forestEngine.create({ maxFeatures: 2.5 })).toThrow(
      /maxFeatures: must be an integer count or a share in \(0, 1\)/,
    );
    expect(() => forestEngine.create({ depth: 3 } as object)).toThrow(/invalid forest parameters/);
  });
});
