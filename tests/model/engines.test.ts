import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { matrixFromRows } from "@/lib/model/classifier";
import { engineFromEnv, getEngine, loadClassifier } from "@/lib/model/engines";

describe("model engines", () => {
  const saved = process.env.MODEL_ENGINE;
  afterEach(() => {
    if (saved === undefined) delete process.env.MODEL_ENGINE;
    else process.env.MODEL_ENGINE = saved;
    resetEnvCache();
  });

  it("selects by MODEL_ENGINE, the fast forest by default", () => {
    delete process.env.MODEL_ENGINE;
    resetEnvCache();
    expect(engineFromEnv().id).toBe("forest");
    process.env.MODEL_ENGINE = "ml-random-forest";
    resetEnvCache();
    expect(engineFromEnv().id).toBe("ml-random-forest");
  });

  it("names the known engines for an unknown id", () => {
    expect(() => getEngine("xgboost")).toThrow(
      /unknown model engine "xgboost"; known engines: forest, ml-random-forest/,
    );
    expect(() => getEngine("toString")).toThrow(/unknown model engine/);
  });

  it("loads an artifact with the engine that wrote it, and refuses another engine's", async () => {
    const x = matrixFromRows([[0], [1], [2], [3]]);
    const artifacts: Record<string, Uint8Array> = {};
    for (const id of ["forest", "ml-random-forest"]) {
      const model = getEngine(id).create({ seed: 1 });
      await model.fit(x, [0, 0, 1, 1], { workers: 1 });
      artifacts[id] = model.serialize();
      const loaded = loadClassifier(id, artifacts[id]);
      expect(loaded.engine).toBe(id);
      expect(loaded.predictProba(x).data).toEqual(model.predictProba(x).data);
    }
    expect(() => loadClassifier("ml-random-forest", artifacts.forest)).toThrow(/not an ml-random-forest artifact/);
    expect(() => loadClassifier("forest", artifacts["ml-random-forest"])).toThrow(/not a forest artifact/);
  });
});
