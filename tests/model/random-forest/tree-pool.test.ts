import { describe, expect, it } from "vitest";
import { forestEngine } from "@/lib/model/random-forest/engine";
import type { GrowContext } from "@/lib/model/random-forest/grow-context";
import { treePool } from "@/lib/model/random-forest/tree-pool";
import { syntheticClassification } from "../synthetic-classification";

describe("forest: the worker-thread pool", () => {
  const { x, y } = syntheticClassification({ rows: 1500, features: 20, seed: 21 });

  const fitted = async (seed: number, workers: number) => {
    const forest = forestEngine.create({ nTrees: 24, maxDepth: 8, seed });
    await forest.fit(x, y, { workers });
    return { bytes: forest.serialize() };
  };

  it("keeps its worker threads between fits, and recovers after a failed fit or a closed pool", async () => {
    const reference = await fitted(7, 1);
    await fitted(7, 2);
    const threads = treePool().threadIds();
    expect(threads).toHaveLength(2);
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

  it("rejects the fit when a worker crashes, and starts the next fit on fresh workers", async () => {
    const reference = await fitted(3, 1);
    await fitted(3, 2);
    // A missing context makes growTree throw inside the worker, which kills the thread.
    const before = treePool().threadIds();
    await expect(treePool().grow(null as unknown as GrowContext, 4, 1, 2)).rejects.toThrow(
      /growing trees on worker threads failed: Cannot destructure property 'nRows'/,
    );
    expect((await fitted(3, 2)).bytes).toEqual(reference.bytes);
    const after = treePool().threadIds();
    expect(after).toHaveLength(2);
    expect(after.some((id) => before.includes(id))).toBe(false);
  });
});
