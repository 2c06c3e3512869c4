import { and, count, eq, isNull, lt, max } from "drizzle-orm";
import type { Database } from "@/db/client";
import { matches, predictions } from "@/db/schema";
import { preMatchMarket } from "@/lib/features/market";
import {
  brierScore,
  logLoss,
  outcomeFromResult,
  predictedOutcome,
  rankedProbabilityScore,
  type Probabilities,
} from "@/lib/model/metrics";

/**
 * Step "score predictions": every stored prediction whose match has finished gets its RPS, log
 * loss, Brier and hit, and the same scores for the market's pre-match probabilities (stored with
 * the prediction, or taken from the match's pre-match odds when they arrived with the result).
 */
export async function scorePredictionsStep({ db }: { db: Database }) {
  const pending = await db
    .select({ prediction: predictions, match: matches })
    .from(predictions)
    .innerJoin(matches, eq(matches.id, predictions.matchId))
    .where(and(isNull(predictions.scoredAt), eq(matches.status, "finished")));
  let scored = 0;
  let hits = 0;
  const now = new Date();
  await db.transaction(async (tx) => {
    for (const { prediction: p, match } of pending) {
      if (!match.ftr) continue;
      const outcome = outcomeFromResult(match.ftr);
      const forecast: Probabilities = [p.pHome, p.pDraw, p.pAway];
      const stored = p.marketHome !== null && p.marketDraw !== null && p.marketAway !== null;
      const fromMatch = stored ? null : preMatchMarket(match);
      const market: Probabilities | null = stored
        ? [p.marketHome!, p.marketDraw!, p.marketAway!]
        : (fromMatch?.probabilities ?? null);
      const correct = predictedOutcome(forecast) === outcome;
      await tx
        .update(predictions)
        .set({
          actualResult: match.ftr,
          rps: rankedProbabilityScore(forecast, outcome),
          logLoss: logLoss(forecast, outcome),
          brier: brierScore(forecast, outcome),
          correct,
          ...(fromMatch
            ? { marketHome: market![0], marketDraw: market![1], marketAway: market![2], marketSource: fromMatch.source }
            : {}),
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
  return { scored, hits, pending: pending.length };
}

const DAY = 86_400_000;
/** Past this many days without a new result while fixtures have kicked off, the data are stale. */
export const STALE_AFTER_DAYS = 7;

/** Step "check data freshness": how old the latest result is and how many fixtures await theirs. */
export async function checkDataFreshnessStep({ db, now = new Date() }: { db: Database; now?: Date }) {
  const [latest] = await db
    .select({ at: max(matches.kickoff) })
    .from(matches)
    .where(eq(matches.status, "finished"));
  const [awaiting] = await db
    .select({ n: count() })
    .from(matches)
    .where(and(eq(matches.status, "scheduled"), lt(matches.kickoff, new Date(now.getTime() - 3 * 3_600_000))));
  const latestResult = latest?.at ?? null;
  const ageDays = latestResult ? Math.floor((now.getTime() - latestResult.getTime()) / DAY) : null;
  const stale = awaiting.n > 0 && (ageDays === null || ageDays > STALE_AFTER_DAYS);
  const message = latestResult
    ? `latest result ${latestResult.toISOString().slice(0, 10)} (${ageDays} days ago); ${awaiting.n} fixtures have kicked off without a result` +
      (stale ? ": the data are stale (run the ETL with DATA_SOURCE=live or a football-data.org token)" : "")
    : "no results stored";
  return {
    latestResult: latestResult?.toISOString() ?? null,
    ageDays,
    fixturesAwaitingResult: awaiting.n,
    stale,
    message,
  };
}
