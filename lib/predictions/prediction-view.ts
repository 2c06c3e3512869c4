import type { Prediction } from "@/db/schema";
import { predictedOutcome, resultFromOutcome, type Probabilities, type ResultCode } from "@/lib/model/metrics";

export interface TeamRef {
  id: number;
  name: string;
}

/** A prediction as the API and the dashboard show it. */
export interface PredictionView {
  id: number;
  kind: Prediction["kind"];
  matchId: number | null;
  kickoff: string;
  homeTeam: TeamRef;
  awayTeam: TeamRef;
  modelVersion: number;
  createdAt: string;
  probabilities: { home: number; draw: number; away: number };
  predicted: ResultCode;
  /** Probability of the predicted outcome. */
  confidence: number;
  market: { home: number; draw: number; away: number; source: string | null } | null;
  /** Our probability minus the market's, per outcome (positive: we rate it likelier). */
  edge: { home: number; draw: number; away: number } | null;
  result: {
    actual: ResultCode;
    rps: number;
    logLoss: number;
    correct: boolean;
    marketRps: number | null;
  } | null;
}

export type PredictionRow = Prediction & { homeName: string; awayName: string; modelVersion: number };

export function toPredictionView(row: PredictionRow): PredictionView {
  const p: Probabilities = [row.pHome, row.pDraw, row.pAway];
  const predicted = predictedOutcome(p);
  const hasMarket = row.marketHome !== null && row.marketDraw !== null && row.marketAway !== null;
  return {
    id: row.id,
    kind: row.kind,
    matchId: row.matchId,
    kickoff: row.kickoff.toISOString(),
    homeTeam: { id: row.homeTeamId, name: row.homeName },
    awayTeam: { id: row.awayTeamId, name: row.awayName },
    modelVersion: row.modelVersion,
    createdAt: row.createdAt.toISOString(),
    probabilities: { home: row.pHome, draw: row.pDraw, away: row.pAway },
    predicted: resultFromOutcome(predicted),
    confidence: p[predicted],
    market: hasMarket ? { home: row.marketHome!, draw: row.marketDraw!, away: row.marketAway!, source: row.marketSource } : null,
    edge: hasMarket
      ? { home: row.pHome - row.marketHome!, draw: row.pDraw - row.marketDraw!, away: row.pAway - row.marketAway! }
      : null,
    result:
      row.scoredAt && row.actualResult
        ? {
            actual: row.actualResult,
            rps: row.rps!,
            logLoss: row.logLoss!,
            correct: row.correct!,
            marketRps: row.marketRps,
          }
        : null,
  };
}
