import { choleskySolve } from "../cholesky-solve";
import type { Outcome, Probabilities } from "../metrics";
import { applyBlend, blendInputs, type Blend } from "./blend";

export interface BlendExample {
  forest: Probabilities;
  market: Probabilities;
  outcome: Outcome;
}

// A whisper of ridge keeps the Newton system positive definite on tiny or separable samples.
const RIDGE = 1e-3;

/**
 * Maximum likelihood of the blend by Newton's method (four parameters: exact gradient and
 * Hessian of the multinomial log-likelihood). Callers pass out-of-sample forecasts of seasons
 * before the one the blend will score.
 */
export function fitBlend(examples: readonly BlendExample[], iterations = 25): Blend {
  if (examples.length === 0) throw new RangeError("a blend needs examples");
  let blend: Blend = { intercepts: [0, 0, 0], forest: 0.5, market: 0.5 };
  for (let it = 0; it < iterations; it++) {
    const theta = [blend.intercepts[1], blend.intercepts[2], blend.forest, blend.market];
    const gradient = new Float64Array(4);
    const hessian = new Float64Array(16);
    for (const ex of examples) {
      const p = applyBlend(blend, ex.forest, ex.market);
      const x = ([0, 1, 2] as const).map((k) => blendInputs(ex.forest, ex.market, k));
      const mean = [0, 1, 2, 3].map((j) => p[0] * x[0][j] + p[1] * x[1][j] + p[2] * x[2][j]);
      for (let j = 0; j < 4; j++) gradient[j] += x[ex.outcome][j] - mean[j];
      for (const k of [0, 1, 2] as const)
        for (let i = 0; i < 4; i++)
          for (let j = 0; j < 4; j++) hessian[i * 4 + j] += p[k] * (x[k][i] - mean[i]) * (x[k][j] - mean[j]);
    }
    for (let j = 0; j < 4; j++) {
      gradient[j] -= RIDGE * theta[j];
      hessian[j * 4 + j] += RIDGE;
    }
    const step = choleskySolve(hessian, gradient, 4);
    blend = {
      intercepts: [0, theta[0] + step[0], theta[1] + step[1]],
      forest: theta[2] + step[2],
      market: theta[3] + step[3],
    };
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return blend;
}
