/**
 * The two information regimes a forecast is made in (lib/model/regime.ts): with the match's
 * pre-match odds known, or without them. The `prediction_regime` enum of db/schema is made from
 * this list. No imports, so client components can read it too.
 */
export const REGIMES = ["odds-free", "with-odds"] as const;
export type Regime = (typeof REGIMES)[number];
