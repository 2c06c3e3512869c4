import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { runEtl } from "@/lib/data/run-etl";
import { buildFeatureRows, type FeatureRow } from "@/lib/features/build-features";
import { FEATURE_NAMES, MARKET_FEATURE_NAMES } from "@/lib/features/feature-definitions";
import { loadFeatureMatches } from "@/lib/features/load-feature-matches";
import { getEngine } from "@/lib/model/engines";
import {
  loadMatchModel,
  predict,
  serializeMatchModel,
  trainMatchModel,
  type MatchModel,
} from "@/lib/model/match-model";
import { predictRegime } from "@/lib/model/regime-model";
import { createTestDatabase } from "../helpers/test-database";

// Both regimes' models on the real 2021/22 and 2022/23 seasons, forecasting 2023/24.
let handle: DatabaseHandle;
let test: FeatureRow[];
let model: MatchModel;
const params = { nTrees: 30, maxDepth: 6, minSamplesLeaf: 50, seed: 3 };
const blend = { sources: ["forest" as const, "market" as const], weights: [0.3, 0.8] };

beforeAll(async () => {
  handle = await createTestDatabase();
  await runEtl({ db: handle.db, seasons: ["2122", "2223", "2324"], fixtures: false });
  const rows = buildFeatureRows(await loadFeatureMatches({ db: handle.db }));
  const train = rows.filter((r) => r.season !== "2324");
  test = rows.filter((r) => r.season === "2324");
  model = await trainMatchModel(
    getEngine("forest"),
    { "odds-free": params, "with-odds": params },
    FEATURE_NAMES,
    { values: train.map((r) => r.values), outcomes: train.map((r) => r.outcome!) },
    { blends: { "with-odds": blend } },
  );
}, 180_000);
afterAll(() => handle?.close());

const withoutOdds = (values: Float64Array) => {
  const v = Float64Array.from(values);
  for (const name of MARKET_FEATURE_NAMES) v[FEATURE_NAMES.indexOf(name)] = NaN;
  return v;
};

describe("match model", () => {
  it("uses the with-odds model when a row's odds are known and the odds-free one otherwise", () => {
    const rows = test.slice(0, 40).flatMap((r) => [r.values, withoutOdds(r.values)]);
    const forecasts = predict(model, rows);
    expect(forecasts.map((f) => f.regime)).toEqual(rows.map((_, i) => (i % 2 ? "odds-free" : "with-odds")));
    expect(forecasts[0].probabilities).toEqual(predictRegime(model.regimes["with-odds"], [rows[0]])[0]);
    expect(forecasts[1].probabilities).toEqual(predictRegime(model.regimes["odds-free"], [rows[1]])[0]);
  });

  it("never lets the odds reach the odds-free model", () => {
    expect(model.regimes["odds-free"].features.some((f) => MARKET_FEATURE_NAMES.includes(f))).toBe(false);
    expect(model.regimes["with-odds"].features).toEqual(FEATURE_NAMES);
    const free = model.regimes["odds-free"];
    const rows = test.slice(0, 60).map((r) => r.values);
    // Same rows with other odds: the odds-free model's forecasts do not move, the with-odds model's do.
    const other = rows.map((v) => {
      const w = Float64Array.from(v);
      for (const name of MARKET_FEATURE_NAMES) w[FEATURE_NAMES.indexOf(name)] = 1 / 3;
      return w;
    });
    expect(predictRegime(free, other)).toEqual(predictRegime(free, rows));
    expect(predictRegime(model.regimes["with-odds"], other)).not.toEqual(
      predictRegime(model.regimes["with-odds"], rows),
    );
  });

  it("round-trips both regimes and the blend through one artifact", () => {
    const loaded = loadMatchModel(serializeMatchModel(model), getEngine);
    expect(loaded.regimes["with-odds"].blend).toEqual(blend);
    expect(loaded.regimes["odds-free"].blend).toBeNull();
    const rows = test.slice(0, 50).flatMap((r) => [r.values, withoutOdds(r.values)]);
    expect(predict(loaded, rows)).toEqual(predict(model, rows));
  });

  it("refuses a v1 artifact (one model for both regimes) with what to do", () => {
    const artifact = serializeMatchModel(model);
    new DataView(artifact.buffer).setUint32(4, 1, true);
    expect(() => loadMatchModel(artifact, getEngine)).toThrow(/v1 models predate the two regimes; run training/);
  });
});
