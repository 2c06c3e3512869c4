import { FEATURE_NAMES, MARKET_FEATURE_NAMES } from "@/lib/features/feature-definitions";
import type { Probabilities } from "./metrics";

import { REGIMES, type Regime } from "@/db/regimes";

/**
 * The two information regimes: a forecast made with the match's pre-match odds known, and one
 * without (fixtures beyond the odds horizon, requests without odds). Each has its own model and
 * its own walk-forward scores; every stored prediction records its regime.
 */
export { REGIMES, type Regime };

const column = (name: string) => FEATURE_NAMES.indexOf(name);
const MARKET = [column("market_home"), column("market_draw"), column("market_away")];
const SHARP = [column("sharp_home"), column("sharp_draw"), column("sharp_away")];
const GOALS = [column("dc_home"), column("dc_draw"), column("dc_away")];

/** With odds exactly when the row's pre-match market probabilities are known (`values` in FEATURE_NAMES order). */
export function regimeOf(values: Float64Array): Regime {
  return MARKET.every((c) => Number.isFinite(values[c])) ? "with-odds" : "odds-free";
}

/** The features a regime's model may read: the odds-free model never sees a market feature. */
export function regimeFeatures(regime: Regime, features: readonly string[] = FEATURE_NAMES): string[] {
  return regime === "with-odds" ? [...features] : features.filter((f) => !MARKET_FEATURE_NAMES.includes(f));
}

/** The sharpest pre-match probabilities of a with-odds row (Pinnacle first), else its market's; null without odds. */
export function sharpMarketOf(values: Float64Array): Probabilities | null {
  const cols = SHARP.every((c) => Number.isFinite(values[c])) ? SHARP : MARKET;
  if (!cols.every((c) => Number.isFinite(values[c]))) return null;
  return [values[cols[0]], values[cols[1]], values[cols[2]]];
}

/** The goals model's H/D/A probabilities of a row; null before the model had enough results. */
export function goalsModelOf(values: Float64Array): Probabilities | null {
  if (!GOALS.every((c) => Number.isFinite(values[c]))) return null;
  return [values[GOALS[0]], values[GOALS[1]], values[GOALS[2]]];
}
