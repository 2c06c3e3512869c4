import type { Match } from "@/db/schema";
import type { Probabilities } from "@/lib/model/metrics";
import { impliedProbabilities } from "./implied-probabilities";

export type MarketOdds = Pick<
  Match,
  | "b365H"
  | "b365D"
  | "b365A"
  | "avgH"
  | "avgD"
  | "avgA"
  | "psH"
  | "psD"
  | "psA"
  | "b365ClosingH"
  | "b365ClosingD"
  | "b365ClosingA"
  | "psClosingH"
  | "psClosingD"
  | "psClosingA"
  | "avgClosingH"
  | "avgClosingD"
  | "avgClosingA"
>;

export interface MarketProbabilities {
  probabilities: Probabilities;
  /** Whose prices: a stored bookmaker column, or odds given with an ad-hoc request. */
  source: "bet365" | "market-average" | "pinnacle" | "request";
}

type Bookmaker = Exclude<MarketProbabilities["source"], "request">;

const PRE_MATCH: Record<Bookmaker, (m: MarketOdds) => [number | null, number | null, number | null]> = {
  bet365: (m) => [m.b365H, m.b365D, m.b365A],
  "market-average": (m) => [m.avgH, m.avgD, m.avgA],
  pinnacle: (m) => [m.psH, m.psD, m.psA],
};

const CLOSING: typeof PRE_MATCH = {
  bet365: (m) => [m.b365ClosingH, m.b365ClosingD, m.b365ClosingA],
  "market-average": (m) => [m.avgClosingH, m.avgClosingD, m.avgClosingA],
  pinnacle: (m) => [m.psClosingH, m.psClosingD, m.psClosingA],
};

/** The first bookmaker in `order` with a complete set of valid prices. */
function firstPrices(m: MarketOdds, prices: typeof PRE_MATCH, order: Bookmaker[]): MarketProbabilities | null {
  for (const source of order) {
    const probabilities = impliedProbabilities(...prices[source](m));
    if (probabilities) return { probabilities, source };
  }
  return null;
}

/** Pre-match market probabilities: Bet365, else the market average, else Pinnacle. */
export function preMatchMarket(m: MarketOdds): MarketProbabilities | null {
  return firstPrices(m, PRE_MATCH, ["bet365", "market-average", "pinnacle"]);
}

/** Closing market probabilities (known only at kickoff; a baseline, never a feature). */
export function closingMarket(m: MarketOdds): MarketProbabilities | null {
  return firstPrices(m, CLOSING, ["bet365", "market-average", "pinnacle"]);
}

/** The sharpest pre-match price known: Pinnacle, else the market average, else Bet365. */
export function sharpPreMatchMarket(m: MarketOdds): MarketProbabilities | null {
  return firstPrices(m, PRE_MATCH, ["pinnacle", "market-average", "bet365"]);
}
