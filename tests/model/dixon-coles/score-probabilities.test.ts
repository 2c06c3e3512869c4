import { describe, expect, it } from "vitest";
import { lowScoreCorrection, outcomeProbabilities } from "@/lib/model/dixon-coles/score-probabilities";

describe("Dixon-Coles score probabilities", () => {
  it("gives independent Poisson goals when rho is 0: equal sides draw with e^-2 I0(2)", () => {
    // P(draw) = sum_k (e^-1 / k!)^2 = e^-2 * I0(2) = 0.135335 * 2.279585 = 0.308508 for two rates of 1.
    const [home, draw, away] = outcomeProbabilities(1, 1, 0);
    expect(draw).toBeCloseTo(0.308508, 5);
    expect(home).toBeCloseTo(away, 12);
    expect(home + draw + away).toBeCloseTo(1, 12);
  });

  it("moves probability into 0-0 and 1-1 draws when rho is negative", () => {
    expect(lowScoreCorrection(0, 0, 1.5, 1.2, -0.1)).toBeCloseTo(1 + 1.5 * 1.2 * 0.1, 12);
    expect(lowScoreCorrection(0, 1, 1.5, 1.2, -0.1)).toBeCloseTo(1 - 0.15, 12);
    expect(lowScoreCorrection(1, 0, 1.5, 1.2, -0.1)).toBeCloseTo(1 - 0.12, 12);
    expect(lowScoreCorrection(1, 1, 1.5, 1.2, -0.1)).toBeCloseTo(1.1, 12);
    expect(lowScoreCorrection(2, 1, 1.5, 1.2, -0.1)).toBe(1);
    expect(outcomeProbabilities(1.5, 1.2, -0.1)[1]).toBeGreaterThan(outcomeProbabilities(1.5, 1.2, 0)[1]);
  });
});
