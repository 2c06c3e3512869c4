import { describe, expect, it } from "vitest";
import { poolForecasts } from "@/lib/model/blend/blend";
import { fitBlend, type BlendExample } from "@/lib/model/blend/fit-blend";
import type { Outcome, Probabilities } from "@/lib/model/metrics";
import { prng } from "../../features/synthetic-league";

function randomForecast(random: () => number): Probabilities {
  const e = [0, 1, 2].map(() => Math.exp(2 * random() - 1));
  const total = e[0] + e[1] + e[2];
  return [e[0] / total, e[1] / total, e[2] / total];
}

function draw(p: Probabilities, u: number): Outcome {
  return u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
}

describe("blend", () => {
  it("pools by weighted log-probabilities: one source at weight 1 is that source", () => {
    const p: Probabilities = [0.5, 0.3, 0.2];
    poolForecasts([1], [p]).forEach((x, k) => expect(x).toBeCloseTo(p[k], 12));
    // Two sources at 1/2 each: the normalised geometric mean.
    const q: Probabilities = [0.2, 0.3, 0.5];
    const g = [Math.sqrt(0.1), 0.3, Math.sqrt(0.1)];
    const total = g[0] + g[1] + g[2];
    poolForecasts([0.5, 0.5], [p, q]).forEach((x, k) => expect(x).toBeCloseTo(g[k] / total, 12));
  });

  it("recovers the weights of the pool that drew the outcomes", () => {
    const random = prng(21);
    const truth = [0.3, 0.9];
    const examples: BlendExample[] = Array.from({ length: 20_000 }, () => {
      const inputs = [randomForecast(random), randomForecast(random)];
      return { inputs, outcome: draw(poolForecasts(truth, inputs), random()) };
    });
    const blend = fitBlend(["forest", "market"], examples);
    expect(blend.sources).toEqual(["forest", "market"]);
    expect(blend.weights[0]).toBeCloseTo(truth[0], 1);
    expect(blend.weights[1]).toBeCloseTo(truth[1], 1);
  });
});
