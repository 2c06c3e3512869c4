import { describe, expect, it } from "vitest";
import { forestEngine } from "@/lib/model/random-forest/engine";
import { treePool } from "@/lib/model/random-forest/tree-pool";
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

  it("keeps its worker threads between fits, and recovers after a failed fit or a closed pool", async () => {
    const reference = await fitted(7, 1);
    await fitted(7, 2);
    // The pool holds as many threads as the largest fit so far asked for (3 in an earlier test).
    const threads = treePool().threadIds();
    expect(threads.length).toBeGreaterThanOrEqual(2);
    expect((await fitted(7, 2)).bytes).toEqual(reference.bytes);
    expect(treePool().threadIds()).toEqual(threads);

    const forest = forestEngine.create({ nTrees: 24, maxDepth: 8, seed: 7 });
    const failing = forest.fit(x, y, {
      workers: 2,
      onProgress: (done) => {
        if (done === 3) throw new Error("progress sink broke");
      },
    });
    await expect(failing).rejects.toThrow(/growing trees on worker threads failed: progress sink broke/);
    expect((await fitted(7, 2)).bytes).toEqual(reference.bytes);

    await treePool().close();
    expect(treePool().threadIds()).toEqual([]);
    expect((await fitted(7, 2)).bytes).toEqual(reference.bytes);
    expect(treePool().threadIds()).toHaveLength(2);
  });
});
