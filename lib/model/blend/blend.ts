import type { Probabilities } from "../metrics";

/**
 * A stacked forecast of the with-odds regime: a multinomial logit on the log-probabilities of the
 * forest and of the market, with one weight per source and an intercept per outcome (home fixed
 * at 0): p_k is proportional to exp(intercept_k + forest * log f_k + market * log m_k).
 */
export interface Blend {
  intercepts: [home: 0, draw: number, away: number];
  forest: number;
  market: number;
}

const FLOOR = 1e-6;

/** The blend's inputs for outcome k: [is draw, is away, log forest, log market]. */
export function blendInputs(
  forest: Probabilities,
  market: Probabilities,
  k: 0 | 1 | 2,
): [number, number, number, number] {
  return [k === 1 ? 1 : 0, k === 2 ? 1 : 0, Math.log(Math.max(FLOOR, forest[k])), Math.log(Math.max(FLOOR, market[k]))];
}

export function applyBlend(blend: Blend, forest: Probabilities, market: Probabilities): Probabilities {
  const theta = [blend.intercepts[1], blend.intercepts[2], blend.forest, blend.market];
  const z = ([0, 1, 2] as const).map((k) => blendInputs(forest, market, k).reduce((s, x, j) => s + x * theta[j], 0));
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const total = e[0] + e[1] + e[2];
  return [e[0] / total, e[1] / total, e[2] / total];
}
