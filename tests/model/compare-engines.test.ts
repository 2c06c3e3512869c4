import { describe, expect, it } from "vitest";
import { compareEngines } from "./compare-engines";
import { syntheticClassification } from "./synthetic-classification";

describe("forest against ml-random-forest", () => {
  // The same check on the real feature matrix belongs with the features module.
  it("is at least as good in log loss as ml-random-forest's leaf-frequency probabilities", async () => {
    const { x, y } = syntheticClassification({ rows: 700, features: 12, seed: 19 });
    const { forest, mlRandomForest } = await compareEngines(x, y, 560);
    expect(forest).toBeLessThan(Math.log(3));
    expect(forest).toBeLessThanOrEqual(mlRandomForest + 0.01);
  });
});
