import { describe, expect, it } from "vitest";
import { fitDixonColes, type DixonColesFit, type WeightedResults } from "@/lib/model/dixon-coles/fit-dixon-coles";
import { prng } from "../../features/synthetic-league";

// A league drawn from known strengths: 16 clubs, every pairing home and away, 24 times over.
const TEAMS = 16;
const truth = {
  attack: Array.from({ length: TEAMS }, (_, i) => (i - 7.5) * 0.04),
  defence: Array.from({ length: TEAMS }, (_, i) => ((i * 7) % TEAMS) * 0.03 - 0.225),
  intercept: 0.15,
  home: 0.3,
};

function poisson(rate: number, random: () => number): number {
  let k = 0;
  let p = Math.exp(-rate);
  let cdf = p;
  const u = random();
  while (u > cdf && k < 20) {
    k += 1;
    p *= rate / k;
    cdf += p;
  }
  return k;
}

function league(): WeightedResults {
  const random = prng(11);
  const rows: [number, number, number, number][] = [];
  for (let rep = 0; rep < 24; rep++)
    for (let h = 0; h < TEAMS; h++)
      for (let a = 0; a < TEAMS; a++) {
        if (h === a) continue;
        const lambda = Math.exp(truth.intercept + truth.home + truth.attack[h] - truth.defence[a]);
        const mu = Math.exp(truth.intercept + truth.attack[a] - truth.defence[h]);
        rows.push([h, a, poisson(lambda, random), poisson(mu, random)]);
      }
  const n = rows.length;
  return {
    length: n,
    home: Int32Array.from(rows, (r) => r[0]),
    away: Int32Array.from(rows, (r) => r[1]),
    homeGoals: Int32Array.from(rows, (r) => r[2]),
    awayGoals: Int32Array.from(rows, (r) => r[3]),
    homeTarget: Float64Array.from(rows, (r) => r[2]),
    awayTarget: Float64Array.from(rows, (r) => r[3]),
    weight: new Float64Array(n).fill(1),
  };
}

const zeros = (): DixonColesFit => ({
  attack: new Float64Array(TEAMS),
  defence: new Float64Array(TEAMS),
  intercept: 0,
  home: 0,
  rho: 0,
});
const options = {
  priorPrecision: 1e-6,
  priorAttack: new Float64Array(TEAMS),
  priorDefence: new Float64Array(TEAMS),
  maxIterations: 100,
  tolerance: 1e-10,
};
const mean = (v: ArrayLike<number>) => Array.from(v).reduce((s, x) => s + x, 0) / v.length;
const centred = (v: ArrayLike<number>) => Array.from(v, (x) => x - mean(v));

describe("fitDixonColes", () => {
  const data = league();
  const fit = fitDixonColes(data, zeros(), options);

  it("recovers the home advantage and the clubs' strengths it was drawn from", () => {
    expect(fit.home).toBeCloseTo(truth.home, 1);
    // Strengths are identified up to a common shift of attack and defence: compare them centred.
    const attackError = centred(fit.attack).map((x, i) => Math.abs(x - centred(truth.attack)[i]));
    const defenceError = centred(fit.defence).map((x, i) => Math.abs(x - centred(truth.defence)[i]));
    // About 970 goals scored per club: a standard error near 0.032 per strength.
    expect(mean([...attackError, ...defenceError])).toBeLessThan(0.04);
    expect(Math.max(...attackError, ...defenceError)).toBeLessThan(0.12);
    // Goals were independent Poisson: rho near 0.
    expect(Math.abs(fit.rho)).toBeLessThan(0.08);
  });

  it("stops at the maximum: one more step from the fit moves nothing", () => {
    const again = fitDixonColes(data, fit, { ...options, maxIterations: 1 });
    expect(again.home).toBeCloseTo(fit.home, 6);
    expect(again.rho).toBeCloseTo(fit.rho, 6);
    again.attack.forEach((x, i) => expect(x).toBeCloseTo(fit.attack[i], 6));
  });

  it("weights results: a result of weight 0 changes nothing", () => {
    const weighted = { ...data, weight: Float64Array.from(data.weight, (w, i) => (i % 10 === 0 ? 0 : w)) };
    const changed = {
      ...weighted,
      homeTarget: Float64Array.from(data.homeTarget, (g, i) => (i % 10 === 0 ? 9 : g)),
      homeGoals: Int32Array.from(data.homeGoals, (g, i) => (i % 10 === 0 ? 9 : g)),
    };
    const a = fitDixonColes(weighted, zeros(), options);
    const b = fitDixonColes(changed, zeros(), options);
    expect(b.home).toBeCloseTo(a.home, 10);
    expect(b.rho).toBeCloseTo(a.rho, 10);
  });
});
