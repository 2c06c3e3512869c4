import { describe, expect, it } from "vitest";
import { FEATURE_NAMES, MARKET_FEATURE_NAMES } from "@/lib/features/feature-definitions";
import { goalsModelOf, regimeFeatures, regimeOf, sharpMarketOf } from "@/lib/model/regime";

const col = (name: string) => FEATURE_NAMES.indexOf(name);
function row(values: Record<string, number>): Float64Array {
  const v = new Float64Array(FEATURE_NAMES.length).fill(NaN);
  for (const [name, x] of Object.entries(values)) v[col(name)] = x;
  return v;
}

describe("regimes", () => {
  it("a row is with-odds exactly when its three pre-match market probabilities are known", () => {
    expect(regimeOf(row({ market_home: 0.5, market_draw: 0.3, market_away: 0.2 }))).toBe("with-odds");
    expect(regimeOf(row({ market_home: 0.5, market_draw: 0.3 }))).toBe("odds-free");
    expect(regimeOf(row({ sharp_home: 0.5, sharp_draw: 0.3, sharp_away: 0.2, elo_diff: 12 }))).toBe("odds-free");
  });

  it("the odds-free model reads no market feature; the with-odds model reads them all", () => {
    expect(MARKET_FEATURE_NAMES).toEqual([
      "market_home",
      "market_draw",
      "market_away",
      "market_home_minus_away",
      "sharp_home",
      "sharp_draw",
      "sharp_away",
    ]);
    const free = regimeFeatures("odds-free");
    expect(free.filter((f) => MARKET_FEATURE_NAMES.includes(f))).toEqual([]);
    expect(free).toHaveLength(FEATURE_NAMES.length - MARKET_FEATURE_NAMES.length);
    expect(regimeFeatures("with-odds")).toEqual(FEATURE_NAMES);
  });

  it("reads the sharpest prices (else the market's) and the goals model's probabilities from a row", () => {
    const market = { market_home: 0.5, market_draw: 0.3, market_away: 0.2 };
    expect(sharpMarketOf(row(market))).toEqual([0.5, 0.3, 0.2]);
    expect(sharpMarketOf(row({ ...market, sharp_home: 0.52, sharp_draw: 0.29, sharp_away: 0.19 }))).toEqual([
      0.52, 0.29, 0.19,
    ]);
    expect(sharpMarketOf(row({}))).toBeNull();
    expect(goalsModelOf(row({ dc_home: 0.4, dc_draw: 0.3, dc_away: 0.3 }))).toEqual([0.4, 0.3, 0.3]);
    expect(goalsModelOf(row({ dc_home: 0.4 }))).toBeNull();
  });
});
