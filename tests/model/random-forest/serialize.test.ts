import { describe, expect, it } from "vitest";
import { forestEngine } from "@/lib/model/random-forest/engine";
import { headRows, syntheticClassification, tailRows } from "../synthetic-classification";

describe("forest: binary artifact", () => {
  const { x, y } = syntheticClassification({ rows: 1200, features: 15, seed: 4 });
  const train = headRows(x, 1000);
  const test = tailRows(x, 1000);

  const trained = async () => {
    const forest = forestEngine.create({ nTrees: 30, maxDepth: 9, minSamplesLeaf: 2 });
    await forest.fit(train, y.subarray(0, 1000), { workers: 1 });
    return forest;
  };

  it("round-trips to identical probabilities, importances, out-of-bag score and params", async () => {
    const forest = await trained();
    const bytes = forest.serialize();
    const loaded = forestEngine.load(bytes);
    expect(loaded.predictProba(test).data).toEqual(forest.predictProba(test).data);
    expect(loaded.featureImportances()).toEqual(forest.featureImportances());
    expect(loaded.outOfBag()).toEqual(forest.outOfBag());
    expect(loaded.params).toEqual(forest.params);
    expect(Buffer.from(loaded.serialize()).equals(Buffer.from(bytes))).toBe(true);
  });

  it("loads from a buffer at any byte offset (as a bytea value may arrive)", async () => {
    const bytes = (await trained()).serialize();
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const loaded = forestEngine.load(padded.subarray(3));
    expect(loaded.predictProba(test).data).toEqual(forestEngine.load(bytes).predictProba(test).data);
  });

  it("is compact: typed arrays, a few bytes per node", async () => {
    const forest = await trained();
    const nodes = Array.from({ length: forest.nTrees }, (_, t) => forest.tree(t).length).reduce((a, b) => a + b);
    // i16 feature + i32 child + f64 threshold per node, 3 x f32 per leaf (about half the nodes).
    expect(forest.serialize().length).toBeLessThan(nodes * 22 + 2_000);
  });

  it("rejects foreign, truncated, newer and damaged artifacts with a clear error", async () => {
    const bytes = (await trained()).serialize();
    expect(() => forestEngine.load(new TextEncoder().encode('{"not":"a forest"}'))).toThrow(/not a forest artifact/);
    expect(() => forestEngine.load(bytes.subarray(0, bytes.length - 16))).toThrow(/truncated/);

    const newer = bytes.slice();
    new DataView(newer.buffer).setUint16(4, 99, true);
    expect(() => forestEngine.load(newer)).toThrow(/version 99 is not supported/);

    // Point the root of the first tree back at itself: a loop the loader must refuse.
    const damaged = bytes.slice();
    const view = new DataView(damaged.buffer);
    const header = JSON.parse(new TextDecoder().decode(damaged.subarray(12, 12 + view.getUint32(8, true))));
    const align8 = (n: number) => (n + 7) & ~7;
    const leftOffset = align8(
      align8(align8(12 + view.getUint32(8, true)) + 4 * (header.nTrees + 1)) + 2 * header.nNodes,
    );
    view.setInt32(leftOffset, 0, true);
    expect(() => forestEngine.load(damaged)).toThrow(/damaged \(tree 0, node 0\)/);
  });

  it("refuses to serialize or predict before fitting", () => {
    const forest = forestEngine.create();
    expect(() => forest.serialize()).toThrow(/not fitted/);
    expect(() => forest.predictProba(test)).toThrow(/not fitted/);
  });
});
