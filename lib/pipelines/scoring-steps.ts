import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { matches, predictions } from "@/db/schema";
import { brierScore, logLoss, outcomeFromResult, predictedOutcome, rankedProbabilityScore, type Probabilities } from "@/lib/model/metrics";

/**
 * Step "score predictions": every stored prediction whose match has finished gets its RPS, log
 * loss, Brier and hit, and the same scores for the market's probabilities stored beside it.
 */
export async function scorePredictionsStep({ db }: { db: Database }) {
  const pending = await db
    .select({
      id: predictions.id,
      pHome: predictions.pHome,
      pDraw: predictions.pDraw,
      pAway: predictions.pAway,
      marketHome: predictions.marketHome,
      marketDraw: predictions.marketDraw,
      marketAway: predictions.marketAway,
      ftr: matches.ftr,
    })
    .from(predictions)
    .innerJoin(matches, eq(matches.id, predictions.matchId))
    .where(and(isNull(predictions.scoredAt), eq(matches.status, "finished")));
  let scored = 0;
  let hits = 0;
  const now = new Date();
  await db.transaction(async (tx) => {
    for (const p of pending) {
      if (!p.ftr) continue;
      const outcome = outcomeFromResult(p.ftr);
      const forecast: Probabilities = [p.pHome, p.pDraw, p.pAway];
      const market: Probabilities | null =
        p.marketHome !== null && p.marketDraw !== null && p.marketAway !== null ? [p.marketHome, p.marketDraw, p.marketAway] : null;
      const correct = predictedOutcome(forecast) === outcome;
      await tx
        .update(predictions)
        .set({
          actualResult: p.ftr,
          rps: rankedProbabilityScore(forecast, outcome),
          logLoss: logLoss(forecast, outcome),
          brier: brierScore(forecast, outcome),
          correct,
          marketRps: market ? rankedProbabilityScore(market, outcome) : null,
          marketLogLoss: market ? logLoss(market, outcome) : null,
          marketBrier: market ? brierScore(market, outcome) : null,
          scoredAt: now,
        })
        .where(eq(predictions.id, p.id));
      scored += 1;
      if (correct) hits += 1;
    }
  });
  return { scored, hits, pendingBefore: pending.length };
}
