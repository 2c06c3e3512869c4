import { choleskySolve } from "../cholesky-solve";
import type { Outcome, Probabilities } from "../metrics";
import { logInputs, poolForecasts, type Blend, type BlendSource } from "./blend";

export interface BlendExample {
  /** One forecast per source, in the blend's source order. */
  inputs: Probabilities[];
  outcome: Outcome;
}

// A whisper of ridge keeps the Newton system positive definite on tiny or collinear samples.
const RIDGE = 1e-3;

/**
 * Maximum likelihood of the pool's weights by Newton's method (exact gradient and Hessian of the
 * multinomial log-likelihood, one weight per source). Callers pass out-of-sample forecasts of
 * seasons before the one the blend will score.
 */
export function fitBlend(sources: BlendSource[], examples: readonly BlendExample[], iterations = 25): Blend {
  if (examples.length === 0) throw new RangeError("a blend needs examples");
  const m = sources.length;
  const weights = new Float64Array(m).fill(1 / m);
  for (let it = 0; it < iterations; it++) {
    const gradient = new Float64Array(m);
    const hessian = new Float64Array(m * m);
    for (const ex of examples) {
      const p = poolForecasts(weights, ex.inputs);
      const x = ([0, 1, 2] as const).map((k) => logInputs(ex.inputs, k));
      const mean = x[0].map((_, j) => p[0] * x[0][j] + p[1] * x[1][j] + p[2] * x[2][j]);
      for (let j = 0; j < m; j++) gradient[j] += x[ex.outcome][j] - mean[j];
      for (const k of [0, 1, 2] as const)
        for (let i = 0; i < m; i++)
          for (let j = 0; j < m; j++) hessian[i * m + j] += p[k] * (x[k][i] - mean[i]) * (x[k][j] - mean[j]);
    }
    for (let j = 0; j < m; j++) {
      gradient[j] -= RIDGE * weights[j];
      hessian[j * m + j] += RIDGE;
    }
    const step = choleskySolve(hessian, gradient, m);
    for (let j = 0; j < m; j++) weights[j] += step[j];
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { sources: [...sources], weights: Array.from(weights) };
}
