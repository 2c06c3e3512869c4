import { describe, expect, it } from "vitest";
import { blendWalkForward } from "@/lib/model/evaluation/blend-walk-forward";
import type { PredictionRecord } from "@/lib/model/evaluation/walk-forward";
import type { Outcome, Probabilities } from "@/lib/model/metrics";
import { prng } from "../../features/synthetic-league";

const SEASONS = ["1819", "1920", "2021", "2122", "2223", "2324"];

function forecast(random: () => number, sharpness: number): Probabilities {
  const e = [0, 1, 2].map(() => Math.exp(sharpness * (2 * random() - 1)));
  const total = e[0] + e[1] + e[2];
  return [e[0] / total, e[1] / total, e[2] / total];
}

/** 300 matches a season: outcomes drawn from the market's forecast; the forest is noise. */
function records(seed: number): PredictionRecord[] {
  const random = prng(seed);
  return SEASONS.flatMap((season) =>
    Array.from({ length: 300 }, (_, i): PredictionRecord => {
      const market = forecast(random, 1.5);
      const u = random();
      const outcome: Outcome = u < market[0] ? 0 : u < market[0] + market[1] ? 1 : 2;
      return { matchId: i, season, outcome, forecasts: { forest: forecast(random, 0.5), marketSharp: market } };
    }),
  );
}

const blendsOf = (list: PredictionRecord[], season: string) =>
  list.filter((r) => r.season === season).map((r) => r.forecasts.blend);
const options = {
  sources: ["forest" as const, "market" as const],
  seasons: SEASONS,
  validationSeasons: ["2021", "2122", "2223"],
};

describe("blend walk-forward", () => {
  it("never fits a season's blend on that season: its own results leave its forecasts unchanged", () => {
    const base = records(3);
    blendWalkForward(base, options);
    expect(blendsOf(base, "1819").every((b) => b === undefined)).toBe(true);
    expect(blendsOf(base, "2122").every((b) => b !== undefined)).toBe(true);
    // Flip the results of 2122 (and only those): its blend must not move, the next season's must.
    const flipped = records(3).map((r) => (r.season === "2122" ? { ...r, outcome: (2 - r.outcome) as Outcome } : r));
    blendWalkForward(flipped, options);
    expect(blendsOf(flipped, "2122")).toEqual(blendsOf(base, "2122"));
    expect(blendsOf(flipped, "2223")).not.toEqual(blendsOf(base, "2223"));
  });

  it("keeps the blend when it beats the forest on the validation seasons, with weights on the informative source", () => {
    const list = records(4);
    const report = blendWalkForward(list, options);
    expect(report.validation?.n).toBe(900);
    expect(report.validation!.blendRps).toBeLessThan(report.validation!.forestRps);
    expect(report.chosen).toBe(true);
    expect(report.final!.weights[1]).toBeGreaterThan(0.7);
    expect(Math.abs(report.final!.weights[0])).toBeLessThan(0.3);
  });

  it("keeps no blend without validation forecasts", () => {
    const report = blendWalkForward(records(5), { ...options, validationSeasons: ["1415"] });
    expect(report).toMatchObject({ chosen: false, validation: null, final: null });
  });
});
