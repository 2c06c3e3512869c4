import type { Database } from "@/db/client";
import { predictions } from "@/db/schema";
import type { FeatureRow } from "@/lib/features/build-features";
import type { Regime } from "@/lib/model/regime";
import {
  brierScore,
  logLoss,
  predictedOutcome,
  rankedProbabilityScore,
  resultFromOutcome,
  type Probabilities,
} from "@/lib/model/metrics";

/** A walk-forward forecast: match id and the model's home, draw, away probabilities. */
export type BacktestForecast = [matchId: number, home: number, draw: number, away: number];

/**
 * Stores a version's walk-forward forecasts as scored `backtest` predictions (the matches were
 * already played), beside the market's pre-match probabilities: the track record a model had
 * before it was registered, clearly apart from live predictions.
 */
export async function storeBacktestPredictions({
  db,
  modelVersionId,
  regime,
  forecasts,
  rows,
  runId,
}: {
  db: Database;
  modelVersionId: number;
  /** The regime whose model made the forecasts. */
  regime: Regime;
  forecasts: readonly BacktestForecast[];
  rows: readonly FeatureRow[];
  runId?: string | null;
}): Promise<number> {
  const byMatch = new Map(rows.map((r) => [r.matchId, r]));
  const now = new Date();
  const values = forecasts.flatMap(([matchId, home, draw, away]) => {
    const row = byMatch.get(matchId);
    if (!row || row.outcome === null) return [];
    const p: Probabilities = [home, draw, away];
    const m = row.market?.probabilities ?? null;
    return [
      {
        kind: "backtest" as const,
        regime,
        matchId,
        homeTeamId: row.homeTeamId,
        awayTeamId: row.awayTeamId,
        kickoff: row.kickoff,
        modelVersionId,
        runId: runId ?? null,
        pHome: home,
        pDraw: draw,
        pAway: away,
        marketHome: m?.[0] ?? null,
        marketDraw: m?.[1] ?? null,
        marketAway: m?.[2] ?? null,
        marketSource: row.market?.source ?? null,
        actualResult: resultFromOutcome(row.outcome),
        rps: rankedProbabilityScore(p, row.outcome),
        logLoss: logLoss(p, row.outcome),
        brier: brierScore(p, row.outcome),
        correct: predictedOutcome(p) === row.outcome,
        marketRps: m ? rankedProbabilityScore(m, row.outcome) : null,
        marketLogLoss: m ? logLoss(m, row.outcome) : null,
        marketBrier: m ? brierScore(m, row.outcome) : null,
        scoredAt: now,
      },
    ];
  });
  for (let i = 0; i < values.length; i += 250) await db.insert(predictions).values(values.slice(i, i + 250));
  return values.length;
}
