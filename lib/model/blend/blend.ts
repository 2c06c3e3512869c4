import type { Probabilities } from "../metrics";

/** What a blend stacks: the regime's forest, the sharpest pre-match market, the goals model. */
export type BlendSource = "forest" | "market" | "goals";

/**
 * A stacked forecast: a logarithmic pool of its sources, p_k proportional to
 * prod_s source_s[k]^weight_s (a multinomial logit on the log-probabilities, without per-outcome
 * intercepts: those, fitted on earlier seasons, carried their home advantage into seasons that had
 * another, and lost on the validation seasons).
 */
export interface Blend {
  sources: BlendSource[];
  weights: number[];
}

const FLOOR = 1e-6;

/** log p_k of each source, in the blend's source order. */
export function logInputs(inputs: readonly Probabilities[], k: 0 | 1 | 2): number[] {
  return inputs.map((p) => Math.log(Math.max(FLOOR, p[k])));
}

/** The pooled forecast of `inputs` (one forecast per source, in `weights` order). */
export function poolForecasts(weights: ArrayLike<number>, inputs: readonly Probabilities[]): Probabilities {
  const z = ([0, 1, 2] as const).map((k) => logInputs(inputs, k).reduce((s, x, j) => s + x * weights[j], 0));
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const total = e[0] + e[1] + e[2];
  return [e[0] / total, e[1] / total, e[2] / total];
}
