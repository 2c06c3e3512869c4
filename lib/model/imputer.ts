import { FEATURE_NAMES } from "@/lib/features/feature-definitions";
import { predictEloBaseline, type EloBaseline } from "./elo-baseline";

export interface Imputer {
  featureNames: string[];
  /** Training mean of each feature, used where a value is missing. */
  means: number[];
  /** Replaces missing market probabilities (no odds) with the Elo-alone forecast. */
  eloBaseline: EloBaseline;
}

/** Learns the fill values from training rows only. */
export function fitImputer(rows: readonly Float64Array[], eloBaseline: EloBaseline): Imputer {
  const cols = FEATURE_NAMES.length;
  const sums = new Float64Array(cols);
  const counts = new Float64Array(cols);
  for (const row of rows) {
    for (let j = 0; j < cols; j++) {
      if (Number.isFinite(row[j])) {
        sums[j] += row[j];
        counts[j] += 1;
      }
    }
  }
  return {
    featureNames: [...FEATURE_NAMES],
    means: Array.from(sums, (s, j) => (counts[j] ? s / counts[j] : 0)),
    eloBaseline,
  };
}

/**
 * A complete copy of `row`: missing market probabilities become the Elo-alone forecast (so that a
 * fixture without odds still gets a coherent market view), missing sharp prices the market's, any
 * other missing value the training mean.
 */
export function impute(imputer: Imputer, row: Float64Array): Float64Array {
  const names = imputer.featureNames;
  const out = Float64Array.from(row);
  const mh = names.indexOf("market_home");
  if (mh >= 0 && !Number.isFinite(out[mh])) {
    const p = predictEloBaseline(imputer.eloBaseline, out[names.indexOf("elo_expected_home")]);
    out[mh] = p[0];
    out[names.indexOf("market_draw")] = p[1];
    out[names.indexOf("market_away")] = p[2];
  }
  // Derived market columns follow the (possibly imputed) market, never the training mean.
  const col = (name: string) => names.indexOf(name);
  if (mh >= 0) {
    if (col("market_home_minus_away") >= 0 && !Number.isFinite(out[col("market_home_minus_away")])) {
      out[col("market_home_minus_away")] = out[mh] - out[col("market_away")];
    }
    for (const k of ["home", "draw", "away"]) {
      if (col(`sharp_${k}`) >= 0 && !Number.isFinite(out[col(`sharp_${k}`)]))
        out[col(`sharp_${k}`)] = out[col(`market_${k}`)];
    }
  }
  for (let j = 0; j < out.length; j++) if (!Number.isFinite(out[j])) out[j] = imputer.means[j];
  return out;
}
