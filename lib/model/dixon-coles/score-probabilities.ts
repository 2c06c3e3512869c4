import type { Probabilities } from "../metrics";

/** Goals at which the score grid is cut; P(a side scores more than 10) is below 1e-6 for any league rate. */
const MAX_GOALS = 10;

/**
 * Dixon & Coles' (1997) correction of the four low scores, where independent Poisson goals get
 * draws wrong: tau(0,0) = 1 - lambda mu rho, tau(0,1) = 1 + lambda rho, tau(1,0) = 1 + mu rho,
 * tau(1,1) = 1 - rho, else 1.
 */
export function lowScoreCorrection(homeGoals: number, awayGoals: number, lambda: number, mu: number, rho: number) {
  if (homeGoals === 0 && awayGoals === 0) return 1 - lambda * mu * rho;
  if (homeGoals === 0 && awayGoals === 1) return 1 + lambda * rho;
  if (homeGoals === 1 && awayGoals === 0) return 1 + mu * rho;
  if (homeGoals === 1 && awayGoals === 1) return 1 - rho;
  return 1;
}

function poissonPmf(rate: number): Float64Array {
  const p = new Float64Array(MAX_GOALS + 1);
  p[0] = Math.exp(-rate);
  for (let k = 1; k <= MAX_GOALS; k++) p[k] = (p[k - 1] * rate) / k;
  return p;
}

/** Home win, draw, away win of a match with expected goals `lambda` (home) and `mu` (away). */
export function outcomeProbabilities(lambda: number, mu: number, rho: number): Probabilities {
  const home = poissonPmf(lambda);
  const away = poissonPmf(mu);
  let h = 0;
  let d = 0;
  let a = 0;
  for (let x = 0; x <= MAX_GOALS; x++) {
    for (let y = 0; y <= MAX_GOALS; y++) {
      const p = home[x] * away[y] * (x < 2 && y < 2 ? lowScoreCorrection(x, y, lambda, mu, rho) : 1);
      if (x > y) h += p;
      else if (x === y) d += p;
      else a += p;
    }
  }
  const total = h + d + a;
  return [h / total, d / total, a / total];
}
