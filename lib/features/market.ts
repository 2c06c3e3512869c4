import type { Match } from "@/db/schema";
import type { Probabilities } from "@/lib/model/metrics";
import { impliedProbabilities } from "./implied-probabilities";

export type MarketOdds = Pick<
  Match,
  | "b365H" | "b365D" | "b365A"
  | "avgH" | "avgD" | "avgA"
  | "psH" | "psD" | "psA"
  | "b365ClosingH" | "b365ClosingD" | "b365ClosingA"
  | "psClosingH" | "psClosingD" | "psClosingA"
  | "avgClosingH" | "avgClosingD" | "avgClosingA"
>;

export interface MarketProbabilities {
  probabilities: Probabilities;
  /** Whose prices: a stored bookmaker column, or odds given with an ad-hoc request. */
  source: "bet365" | "market-average" | "pinnacle" | "request";
}

/** Pre-match market probabilities: Bet365, else the market average, else Pinnacle. */
export function preMatchMarket(m: MarketOdds): MarketProbabilities | null {
  const b365 = impliedProbabilities(m.b365H, m.b365D, m.b365A);
  if (b365) return { probabilities: b365, source: "bet365" };
  const avg = impliedProbabilities(m.avgH, m.avgD, m.avgA);
  if (avg) return { probabilities: avg, source: "market-average" };
  const ps = impliedProbabilities(m.psH, m.psD, m.psA);
  return ps ? { probabilities: ps, source: "pinnacle" } : null;
}

/** Closing market probabilities (known only at kickoff; a baseline, never a feature). */
export function closingMarket(m: MarketOdds): MarketProbabilities | null {
  const b365 = impliedProbabilities(m.b365ClosingH, m.b365ClosingD, m.b365ClosingA);
  if (b365) return { probabilities: b365, source: "bet365" };
  const avg = impliedProbabilities(m.avgClosingH, m.avgClosingD, m.avgClosingA);
  if (avg) return { probabilities: avg, source: "market-average" };
  const ps = impliedProbabilities(m.psClosingH, m.psClosingD, m.psClosingA);
  return ps ? { probabilities: ps, source: "pinnacle" } : null;
}

/** The sharpest pre-match price known: Pinnacle, else the market average, else Bet365. */
export function sharpPreMatchMarket(m: MarketOdds): MarketProbabilities | null {
  const ps = impliedProbabilities(m.psH, m.psD, m.psA);
  if (ps) return { probabilities: ps, source: "pinnacle" };
  const avg = impliedProbabilities(m.avgH, m.avgD, m.avgA);
  if (avg) return { probabilities: avg, source: "market-average" };
  const b365 = impliedProbabilities(m.b365H, m.b365D, m.b365A);
  return b365 ? { probabilities: b365, source: "bet365" } : null;
}
