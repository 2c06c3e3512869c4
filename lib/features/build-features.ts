import { outcomeFromResult, type Outcome } from "@/lib/model/metrics";
import { DEFAULT_RATING_PARAMS, FeatureEngine, type RatingParams } from "./feature-engine";
import { featureVector } from "./feature-definitions";
import { isPlayed, type FeatureMatch } from "./feature-match";
import { closingMarket, preMatchMarket, sharpPreMatchMarket, type MarketProbabilities } from "./market";

export interface FeatureRow {
  matchId: number;
  season: string;
  kickoff: Date;
  homeTeamId: number;
  awayTeamId: number;
  status: FeatureMatch["status"];
  /** The result, for finished matches: the label, never an input. */
  outcome: Outcome | null;
  /** Raw feature values in FEATURE_NAMES order; NaN where missing. */
  values: Float64Array;
  market: MarketProbabilities | null;
  /** Closing odds' probabilities: a baseline to compare with, never a feature. */
  closing: MarketProbabilities | null;
}

/** Kickoff order; same-instant matches by id so that the order is stable. */
export function byKickoff(a: FeatureMatch, b: FeatureMatch): number {
  return a.kickoff.getTime() - b.kickoff.getTime() || a.id - b.id;
}

/** Feature rows of every match (finished, scheduled, postponed), in kickoff order, each as of its kickoff. */
export function buildFeatureRows(
  matches: readonly FeatureMatch[],
  params: RatingParams = DEFAULT_RATING_PARAMS,
): FeatureRow[] {
  const sorted = [...matches].sort(byKickoff);
  const engine = new FeatureEngine(sorted, params);
  return sorted.map((m) => {
    const t = m.kickoff.getTime();
    engine.advanceTo(t);
    engine.enterSeason(m.season);
    const market = preMatchMarket(m);
    return {
      matchId: m.id,
      season: m.season,
      kickoff: m.kickoff,
      homeTeamId: m.homeTeamId,
      awayTeamId: m.awayTeamId,
      status: m.status,
      outcome: isPlayed(m) ? outcomeFromResult(m.fthg > m.ftag ? "H" : m.fthg === m.ftag ? "D" : "A") : null,
      values: featureVector({
        context: engine.contextFor(m.homeTeamId, m.awayTeamId, t, m.season),
        market,
        sharp: sharpPreMatchMarket(m),
      }),
      market,
      closing: closingMarket(m),
    };
  });
}
