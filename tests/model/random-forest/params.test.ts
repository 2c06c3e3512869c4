import { describe, expect, it } from "vitest";
import { forestDefaults, parseForestParams, resolveMaxFeatures } from "@/lib/model/random-forest/params";

describe("forest parameters", () => {
  it("fills in scikit-learn-like defaults", () => {
    expect(parseForestParams({ nTrees: 7 })).toEqual({ ...forestDefaults, nTrees: 7 });
    expect(forestDefaults).toMatchObject({
      nTrees: 100,
      maxDepth: 10,
      maxFeatures: "sqrt",
      bootstrap: true,
      seed: 42,
      maxBins: 256,
    });
  });

  it("turns maxFeatures into a count of features per split", () => {
    expect(resolveMaxFeatures("sqrt", 30)).toBe(5);
    expect(resolveMaxFeatures("log2", 30)).toBe(4);
    expect(resolveMaxFeatures("all", 30)).toBe(30);
    expect(resolveMaxFeatures(0.5, 30)).toBe(15);
    expect(resolveMaxFeatures(0.01, 30)).toBe(1);
    expect(resolveMaxFeatures(3, 30)).toBe(3);
    expect(resolveMaxFeatures(40, 30)).toBe(30);
  });
});
