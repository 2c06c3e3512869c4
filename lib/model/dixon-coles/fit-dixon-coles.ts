import { choleskySolve } from "../cholesky-solve";
import { lowScoreCorrection } from "./score-probabilities";

/** Results in the fit, column-wise: teams as indices 0..teams-1, each result weighted by its age. */
export interface WeightedResults {
  length: number;
  home: Int32Array;
  away: Int32Array;
  /** The scores, which the low-score correction reads. */
  homeGoals: Int32Array;
  awayGoals: Int32Array;
  /** What each side's Poisson rate is fitted to: the goals, or goals smoothed with shots on target. */
  homeTarget: Float64Array;
  awayTarget: Float64Array;
  weight: Float64Array;
}

/**
 * log(home expected goals) = intercept + home + attack[h] - defence[a];
 * log(away expected goals) = intercept + attack[a] - defence[h].
 */
export interface DixonColesFit {
  attack: Float64Array;
  defence: Float64Array;
  intercept: number;
  home: number;
  rho: number;
}

export interface DixonColesFitOptions {
  /** Gaussian prior precision on each attack and defence value (a ridge; it also identifies the model). */
  priorPrecision: number;
  /** Prior means per team (promoted clubs start below the average of 0). */
  priorAttack: Float64Array;
  priorDefence: Float64Array;
  maxIterations: number;
  /** Stop when no parameter moves more than this. */
  tolerance: number;
}

// rho stays where every correction factor is positive at realistic scoring rates.
const RHO_LIMIT = 0.25;
const MAX_STEP = 1;

/**
 * Weighted maximum likelihood of Dixon & Coles (1997) by Fisher scoring from `start`: strengths,
 * intercept and home advantage take Newton steps with the Poisson information matrix (a Cholesky
 * solve), rho a Newton step on its own curvature. The gradient is exact, low-score correction
 * included, so the fixed point is the exact maximum; the curvature leaves out the correction's
 * small cross terms, which can cost an iteration, never accuracy.
 */
export function fitDixonColes(
  results: WeightedResults,
  start: DixonColesFit,
  options: DixonColesFitOptions,
): DixonColesFit & { iterations: number } {
  const teams = start.attack.length;
  const size = 2 * teams + 2;
  const c = 2 * teams;
  const h = c + 1;
  const theta = new Float64Array(size);
  theta.set(start.attack, 0);
  theta.set(start.defence, teams);
  theta[c] = start.intercept;
  theta[h] = start.home;
  let rho = start.rho;
  let iterations = 0;
  while (iterations < options.maxIterations) {
    iterations += 1;
    const gradient = new Float64Array(size);
    const info = new Float64Array(size * size);
    let gRho = 0;
    let hRho = 0;
    for (let i = 0; i < results.length; i++) {
      const w = results.weight[i];
      const aH = results.home[i];
      const aA = results.away[i];
      const dH = teams + aH;
      const dA = teams + aA;
      const lambda = Math.exp(theta[c] + theta[h] + theta[aH] - theta[dA]);
      const mu = Math.exp(theta[c] + theta[aA] - theta[dH]);
      const x = results.homeGoals[i];
      const y = results.awayGoals[i];
      // d log(tau) / d log(lambda) and / d log(mu), from the low-score correction.
      let tauLambda = 0;
      let tauMu = 0;
      if (x < 2 && y < 2) {
        const tau = lowScoreCorrection(x, y, lambda, mu, rho);
        const dTauDRho = x === 0 && y === 0 ? -lambda * mu : x === 0 ? lambda : y === 0 ? mu : -1;
        if (x === 0 && y === 0) tauLambda = tauMu = (-lambda * mu * rho) / tau;
        else if (x === 0 && y === 1) tauLambda = (lambda * rho) / tau;
        else if (x === 1 && y === 0) tauMu = (mu * rho) / tau;
        gRho += (w * dTauDRho) / tau;
        hRho += w * (dTauDRho / tau) ** 2;
      }
      const gl = w * (results.homeTarget[i] - lambda + tauLambda);
      const gm = w * (results.awayTarget[i] - mu + tauMu);
      gradient[aH] += gl;
      gradient[dA] -= gl;
      gradient[c] += gl + gm;
      gradient[h] += gl;
      gradient[aA] += gm;
      gradient[dH] -= gm;
      addInformation(info, size, aH, dA, c, w * lambda);
      addHomeTerm(info, size, aH, dA, c, h, w * lambda);
      addInformation(info, size, aA, dH, c, w * mu);
    }
    for (let j = 0; j < teams; j++) {
      gradient[j] -= options.priorPrecision * (theta[j] - options.priorAttack[j]);
      gradient[teams + j] -= options.priorPrecision * (theta[teams + j] - options.priorDefence[j]);
      info[j * size + j] += options.priorPrecision;
      info[(teams + j) * size + teams + j] += options.priorPrecision;
    }
    const step = choleskySolve(info, gradient, size);
    let largest = 0;
    for (let i = 0; i < size; i++) {
      const s = Math.max(-MAX_STEP, Math.min(MAX_STEP, step[i]));
      theta[i] += s;
      largest = Math.max(largest, Math.abs(s));
    }
    if (hRho > 0) {
      const next = Math.max(-RHO_LIMIT, Math.min(RHO_LIMIT, rho + gRho / hRho));
      largest = Math.max(largest, Math.abs(next - rho));
      rho = next;
    }
    if (largest < options.tolerance) break;
  }
  return {
    attack: theta.slice(0, teams),
    defence: theta.slice(teams, 2 * teams),
    intercept: theta[c],
    home: theta[h],
    rho,
    iterations,
  };
}

/** info += s a a^T for a = e(attack) - e(defence) + e(intercept): one side's goals predictor. */
function addInformation(info: Float64Array, n: number, at: number, de: number, c: number, s: number) {
  info[at * n + at] += s;
  info[de * n + de] += s;
  info[c * n + c] += s;
  info[at * n + de] -= s;
  info[de * n + at] -= s;
  info[at * n + c] += s;
  info[c * n + at] += s;
  info[de * n + c] -= s;
  info[c * n + de] -= s;
}

/** The extra terms of the home side's predictor, which also has e(home). */
function addHomeTerm(info: Float64Array, n: number, at: number, de: number, c: number, h: number, s: number) {
  info[h * n + h] += s;
  info[h * n + at] += s;
  info[at * n + h] += s;
  info[h * n + c] += s;
  info[c * n + h] += s;
  info[h * n + de] -= s;
  info[de * n + h] -= s;
}
