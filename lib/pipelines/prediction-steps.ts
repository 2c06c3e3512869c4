import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { predictions } from "@/db/schema";
import type { FeatureRow } from "@/lib/features/build-features";
import { getFeatureSnapshot } from "@/lib/features/feature-cache";
import { FEATURE_NAMES } from "@/lib/features/feature-definitions";
import { predict } from "@/lib/model/match-model";
import { getChampionModel } from "@/lib/registry/champion-model";

/** Step "load champion": which version will predict (null: nothing to predict with yet). */
export async function loadChampionStep({ db }: { db: Database }) {
  const champion = await getChampionModel({ db });
  return champion ? { modelVersionId: champion.version.id, version: champion.version.version } : null;
}

const DAY_MS = 86_400_000;

/**
 * The fixtures a predictions run forecasts: scheduled matches (their result is still to come),
 * or with `daysAhead` only those kicking off from now to that many days ahead.
 */
export function fixturesToPredict<R extends Pick<FeatureRow, "status" | "kickoff">>(
  rows: readonly R[],
  { daysAhead, now = new Date() }: { daysAhead?: number; now?: Date },
): R[] {
  const scheduled = rows.filter((r) => r.status === "scheduled");
  if (daysAhead === undefined) return scheduled;
  const until = now.getTime() + daysAhead * DAY_MS;
  return scheduled.filter((r) => r.kickoff.getTime() >= now.getTime() && r.kickoff.getTime() <= until);
}

/** Step "load upcoming fixtures": what `fixturesToPredict` picks. */
export async function loadFixturesStep({ db, daysAhead }: { db: Database; daysAhead?: number }) {
  const { rows } = await getFeatureSnapshot({ db });
  const fixtures = fixturesToPredict(rows, { daysAhead });
  return {
    fixtures: fixtures.length,
    firstKickoff: fixtures[0]?.kickoff.toISOString() ?? null,
    lastKickoff: fixtures[fixtures.length - 1]?.kickoff.toISOString() ?? null,
  };
}

/**
 * Step "predict and store": the champion's probabilities for every scheduled match, each from
 * features as of its kickoff, stored beside the market's when its odds are known. A match keeps
 * one batch prediction per model version; a re-run replaces it only before kickoff, so a forecast
 * made before a match is never rewritten after it (the track record counts only those).
 */
export async function predictAndStoreStep({
  db,
  modelVersionId,
  runId,
  daysAhead,
}: {
  db: Database;
  modelVersionId: number;
  runId?: string | null;
  daysAhead?: number;
}) {
  const champion = await getChampionModel({ db });
  if (!champion || champion.version.id !== modelVersionId) {
    throw new Error(`model version id ${modelVersionId} is no longer the champion`);
  }
  const { rows } = await getFeatureSnapshot({ db });
  const fixtures = fixturesToPredict(rows, { daysAhead });
  // Each fixture by its regime's model: with-odds once its pre-match odds are known, else odds-free.
  const forecasts = predict(
    champion.model,
    fixtures.map((r) => r.values),
  );
  const values = fixtures.map((r, i) => ({
    kind: "batch" as const,
    regime: forecasts[i].regime,
    matchId: r.matchId,
    homeTeamId: r.homeTeamId,
    awayTeamId: r.awayTeamId,
    kickoff: r.kickoff,
    modelVersionId,
    runId: runId ?? null,
    pHome: forecasts[i].probabilities[0],
    pDraw: forecasts[i].probabilities[1],
    pAway: forecasts[i].probabilities[2],
    marketHome: r.market?.probabilities[0] ?? null,
    marketDraw: r.market?.probabilities[1] ?? null,
    marketAway: r.market?.probabilities[2] ?? null,
    marketSource: r.market?.source ?? null,
    features: Object.fromEntries(
      FEATURE_NAMES.map((name, j) => [name, Number.isFinite(r.values[j]) ? r.values[j] : null]),
    ),
  }));
  for (let i = 0; i < values.length; i += 200) {
    await db
      .insert(predictions)
      .values(values.slice(i, i + 200))
      .onConflictDoUpdate({
        target: [predictions.matchId, predictions.modelVersionId, predictions.regime],
        targetWhere: sql`${predictions.kind} = 'batch'`,
        // A forecast already made is history once its match has kicked off.
        setWhere: sql`${predictions.kickoff} > now()`,
        set: {
          pHome: sql`excluded.p_home`,
          pDraw: sql`excluded.p_draw`,
          pAway: sql`excluded.p_away`,
          marketHome: sql`excluded.market_home`,
          marketDraw: sql`excluded.market_draw`,
          marketAway: sql`excluded.market_away`,
          marketSource: sql`excluded.market_source`,
          features: sql`excluded.features`,
          kickoff: sql`excluded.kickoff`,
          runId: sql`excluded.run_id`,
          createdAt: sql`now()`,
        },
      });
  }
  return { stored: values.length, modelVersion: champion.version.version };
}
