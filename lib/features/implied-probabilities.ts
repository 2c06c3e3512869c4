import type { Probabilities } from "@/lib/model/metrics";

/**
 * Margin-free probabilities from decimal 1X2 odds by proportional normalisation: the inverse odds
 * (which sum to 1 + the bookmaker's margin) divided by their sum. Null when any price is missing
 * or not a valid decimal price (> 1).
 */
export function impliedProbabilities(
  home: number | null | undefined,
  draw: number | null | undefined,
  away: number | null | undefined,
): Probabilities | null {
  if (!validPrice(home) || !validPrice(draw) || !validPrice(away)) return null;
  const h = 1 / home;
  const d = 1 / draw;
  const a = 1 / away;
  const total = h + d + a;
  return [h / total, d / total, a / total];
}

/** The bookmaker's margin: sum of inverse odds minus 1 (0.05 = 5%). */
export function overround(home: number, draw: number, away: number): number {
  return 1 / home + 1 / draw + 1 / away - 1;
}

function validPrice(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x) && x > 1;
}
