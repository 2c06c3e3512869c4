import { describe, expect, it } from "vitest";
import { impliedProbabilities, overround } from "@/lib/features/implied-probabilities";
import { closingMarket, preMatchMarket, type MarketOdds } from "@/lib/features/market";

const none: MarketOdds = {
  b365H: null,
  b365D: null,
  b365A: null,
  avgH: null,
  avgD: null,
  avgA: null,
  psH: null,
  psD: null,
  psA: null,
  b365ClosingH: null,
  b365ClosingD: null,
  b365ClosingA: null,
  psClosingH: null,
  psClosingD: null,
  psClosingA: null,
  avgClosingH: null,
  avgClosingD: null,
  avgClosingA: null,
};

describe("implied probabilities", () => {
  it("removes the margin proportionally", () => {
    // 2.0 / 3.5 / 4.0: inverse 0.5 + 0.285714 + 0.25 = 1.035714 (3.57% margin)
    const p = impliedProbabilities(2, 3.5, 4)!;
    expect(overround(2, 3.5, 4)).toBeCloseTo(0.0357142857, 9);
    expect(p[0]).toBeCloseTo(0.5 / 1.0357142857, 9);
    expect(p[1]).toBeCloseTo(0.2857142857 / 1.0357142857, 9);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 12);
  });

  it("gives null for a missing or impossible price", () => {
    expect(impliedProbabilities(null, 3, 3)).toBeNull();
    expect(impliedProbabilities(1, 3, 3)).toBeNull();
    expect(impliedProbabilities(0, 3, 3)).toBeNull();
    expect(impliedProbabilities(Number.NaN, 3, 3)).toBeNull();
  });

  it("prefers Bet365, then the market average, then Pinnacle", () => {
    expect(preMatchMarket(none)).toBeNull();
    expect(preMatchMarket({ ...none, psH: 2, psD: 3, psA: 4 })?.source).toBe("pinnacle");
    expect(preMatchMarket({ ...none, psH: 2, psD: 3, psA: 4, avgH: 2, avgD: 3, avgA: 4 })?.source).toBe(
      "market-average",
    );
    expect(preMatchMarket({ ...none, b365H: 2, b365D: 3, b365A: 4, avgH: 2, avgD: 3, avgA: 4 })?.source).toBe("bet365");
    expect(closingMarket({ ...none, b365H: 2, b365D: 3, b365A: 4 })).toBeNull();
    expect(closingMarket({ ...none, psClosingH: 2, psClosingD: 3, psClosingA: 4 })?.source).toBe("pinnacle");
  });
});
