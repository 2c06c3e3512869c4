import { describe, expect, it } from "vitest";
import {
  brierScore,
  calibration,
  logLoss,
  predictedOutcome,
  rankedProbabilityScore,
  scoreForecasts,
  type Probabilities,
} from "@/lib/model/metrics";

const p: Probabilities = [0.5, 0.3, 0.2];

describe("ranked probability score", () => {
  it("matches hand-worked values", () => {
    // cumulative forecast (0.5, 0.8); observed H → (1, 1): ((0.5)^2 + (0.2)^2) / 2
    expect(rankedProbabilityScore(p, 0)).toBeCloseTo(0.145, 12);
    // observed D → (0, 1): (0.25 + 0.04) / 2
    expect(rankedProbabilityScore(p, 1)).toBeCloseTo(0.145, 12);
    // observed A → (0, 0): (0.25 + 0.64) / 2
    expect(rankedProbabilityScore(p, 2)).toBeCloseTo(0.445, 12);
  });

  it("is 0 for a certain correct forecast and 1 for the worst one", () => {
    expect(rankedProbabilityScore([1, 0, 0], 0)).toBe(0);
    expect(rankedProbabilityScore([1, 0, 0], 2)).toBe(1);
  });

  it("rewards probability near the outcome (the ordering matters, unlike Brier)", () => {
    // Both forecasts give the away win 0; the one leaning to the draw is closer to an away win.
    expect(rankedProbabilityScore([0, 1, 0], 2)).toBeLessThan(rankedProbabilityScore([1, 0, 0], 2));
    expect(brierScore([0, 1, 0], 2)).toBe(brierScore([1, 0, 0], 2));
  });
});

describe("log loss, Brier, predicted outcome", () => {
  it("log loss is -ln of the probability of what happened", () => {
    expect(logLoss(p, 2)).toBeCloseTo(1.6094379124341003, 12);
    expect(logLoss([1, 0, 0], 1)).toBeCloseTo(-Math.log(1e-15), 9);
  });

  it("Brier sums squared errors over the three outcomes", () => {
    expect(brierScore(p, 0)).toBeCloseTo(0.25 + 0.09 + 0.04, 12);
    expect(brierScore([0, 0, 1], 2)).toBe(0);
  });

  it("predicts the most probable outcome, ties to home then draw", () => {
    expect(predictedOutcome(p)).toBe(0);
    expect(predictedOutcome([0.2, 0.4, 0.4])).toBe(1);
    expect(predictedOutcome([0.1, 0.2, 0.7])).toBe(2);
  });
});

describe("calibration", () => {
  it("computes class-wise ECE and the reliability table by hand", () => {
    const cal = calibration([p, p], [0, 2]);
    // pairs: 0.5 (hit, miss) gap 0; 0.3 (miss, miss) gap 0.3; 0.2 (miss, hit) gap 0.3 → (0 + 0.6 + 0.6) / 6
    expect(cal.ece).toBeCloseTo(0.2, 12);
    expect(cal.bins).toHaveLength(10);
    expect(cal.bins[2]).toMatchObject({ count: 2, observedFrequency: 0.5 });
    expect(cal.bins[2].meanPredicted).toBeCloseTo(0.2, 12);
    expect(cal.bins[3]).toMatchObject({ count: 2, observedFrequency: 0 });
    expect(cal.bins[5]).toMatchObject({ count: 2, observedFrequency: 0.5, meanPredicted: 0.5 });
    expect(cal.bins.filter((b) => b.count === 0)).toHaveLength(7);
  });

  it("is 0 for forecasts that are right as often as they say", () => {
    const forecasts: Probabilities[] = [
      [0.5, 0.5, 0],
      [0.5, 0.5, 0],
    ];
    expect(calibration(forecasts, [0, 1]).ece).toBeCloseTo(0, 12);
  });
});

describe("scoreForecasts", () => {
  it("averages every score over the forecasts", () => {
    const s = scoreForecasts([p, [0.2, 0.3, 0.5]], [0, 0]);
    expect(s.n).toBe(2);
    expect(s.rps).toBeCloseTo((0.145 + ((0.2 - 1) ** 2 + (0.5 - 1) ** 2) / 2) / 2, 12);
    expect(s.logLoss).toBeCloseTo((-Math.log(0.5) - Math.log(0.2)) / 2, 12);
    expect(s.accuracy).toBe(0.5);
    expect(s.brier).toBeCloseTo((0.38 + (0.64 + 0.09 + 0.25)) / 2, 12);
  });

  it("refuses mismatched lengths", () => {
    expect(() => scoreForecasts([p], [])).toThrow(/1 forecasts but 0 outcomes/);
  });
});
