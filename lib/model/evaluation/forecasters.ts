import type { Regime } from "../regime";

/** Every forecaster an evaluation can score, with its label in tables. */
export type Forecaster =
  | "model"
  | "forest"
  | "blend"
  | "dixonColes"
  | "marketPreMatch"
  | "marketSharp"
  | "marketClosing"
  | "elo"
  | "baseRates";

export const FORECASTERS: Record<Forecaster, string> = {
  model: "our model",
  forest: "forest alone",
  blend: "blend (stacked)",
  dixonColes: "goals model (Dixon-Coles)",
  marketPreMatch: "market pre-match",
  marketSharp: "sharpest pre-match",
  marketClosing: "market closing",
  elo: "Elo alone",
  baseRates: "base rates",
};

const BASELINES: Forecaster[] = ["dixonColes", "marketPreMatch", "marketSharp", "marketClosing", "elo", "baseRates"];

/** What each regime's table shows: the model, the forest and the blend it is chosen from, the baselines. */
export const REGIME_FORECASTERS: Record<Regime, Forecaster[]> = {
  "odds-free": ["model", "forest", "blend", ...BASELINES],
  "with-odds": ["model", "forest", "blend", ...BASELINES],
};
