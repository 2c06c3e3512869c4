import { describe, expect, it } from "vitest";
import { forestEngine } from "@/lib/model/random-forest/engine";
import { treeSeed } from "@/lib/model/random-forest/tree-seed";
import { syntheticClassification } from "../synthetic-classification";

describe("forest: growing trees on worker threads", () => {
  const { x, y } = syntheticClassification({ rows: 1500, features: 20, seed: 21 });

  const fitted = async (seed: number, workers: number) => {
    const forest = forestEngine.create({ nTrees: 24, maxDepth: 8, seed });
    const progress: number[] = [];
    await forest.fit(x, y, { workers, onProgress: (done) => progress.push(done) });
    return { bytes: forest.serialize(), oob: forest.outOfBag(), progress };
  };

  it("grows the identical forest with 1, 2 and 3 workers under the same seed", async () => {
    const one = await fitted(7, 1);
    const two = await fitted(7, 2);
    const three = await fitted(7, 3);
    expect(Buffer.from(two.bytes).equals(Buffer.from(one.bytes))).toBe(true);
    expect(Buffer.from(three.bytes).equals(Buffer.from(one.bytes))).toBe(true);
    expect(two.oob).toEqual(one.oob);
    // Progress is reported once per finished tree, in every mode.
    expect(one.progress).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(two.progress).toEqual(one.progress);
  });

  it("grows a different forest under another seed", async () => {
    const a = await fitted(7, 2);
    const b = await fitted(8, 2);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(false);
  });

  it("gives every tree its own seed, derived from the forest seed and the tree index", () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => treeSeed(42, i)));
    expect(seeds.size).toBe(1000);
    expect(treeSeed(42, 3)).toBe(treeSeed(42, 3));
    expect(treeSeed(42, 3)).not.toBe(treeSeed(43, 3));
  });

  it("uses no more workers than trees", async () => {
    const forest = forestEngine.create({ nTrees: 2, maxDepth: 3 });
    await forest.fit(x, y, { workers: 8 });
    expect(forest.nTrees).toBe(2);
  });
});
