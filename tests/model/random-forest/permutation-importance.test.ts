import { describe, expect, it } from "vitest";
import { matrixFromRows } from "@/lib/model/classifier";
import { forestEngine } from "@/lib/model/random-forest/engine";
import { permutationImportance } from "@/lib/model/random-forest/permutation-importance";
import { seededRandom } from "../synthetic-classification";

describe("permutation importance", () => {
  // Class = sign of column 1 (10% flipped); columns 0 and 2 are noise.
  const rng = seededRandom(17);
  const make = (n: number) => {
    const rows = Array.from({ length: n }, () => [rng.normal(), rng.normal(), rng.normal()]);
    return { x: matrixFromRows(rows), y: rows.map((r) => (r[1] > 0 ? 1 : 0) ^ (rng.uniform() < 0.1 ? 1 : 0)) };
  };
  const train = make(800);
  const holdout = make(400);

  it("finds the informative column on held-out rows, reproducibly", async () => {
    const forest = forestEngine.create({ nTrees: 40, maxDepth: 4 });
    await forest.fit(train.x, train.y, { workers: 1 });
    const result = permutationImportance(forest, holdout.x, holdout.y, { repeats: 3, seed: 1 });
    // Shuffling the only signal takes the loss from about 0.33 to well above a coin's 0.69.
    expect(result.mean[1]).toBeGreaterThan(0.3);
    expect(Math.abs(result.mean[0])).toBeLessThan(0.03);
    expect(Math.abs(result.mean[2])).toBeLessThan(0.03);
    expect(result.std[1]).toBeGreaterThan(0);
    expect(permutationImportance(forest, holdout.x, holdout.y, { repeats: 3, seed: 1 })).toEqual(result);
  });

  it("rejects mismatched labels and bad repeats", async () => {
    const forest = forestEngine.create({ nTrees: 2 });
    await forest.fit(train.x, train.y, { workers: 1 });
    expect(() => permutationImportance(forest, holdout.x, holdout.y.slice(1))).toThrow(/399 labels but x has 400 rows/);
    expect(() => permutationImportance(forest, holdout.x, holdout.y, { repeats: 0 })).toThrow(/repeats/);
  });
});
