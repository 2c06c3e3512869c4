import { and, asc, desc, eq, getTableColumns, gte, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Database } from "@/db/client";
import { matches, modelVersions, predictions, teams } from "@/db/schema";
import { getAliasTarget } from "@/lib/registry/aliases";
import type { Regime } from "@/lib/model/regime";
import type { RegimeScore } from "@/lib/registry/regime-score";
import { predictionViewSchema, teamRefSchema, toPredictionView, type PredictionView } from "./prediction-view";

const home = alias(teams, "home_team");
const away = alias(teams, "away_team");

/** Predictions joined with team names and model version number. */
function selectPredictions(db: Database, where: SQL | undefined) {
  return db
    .select({
      ...getTableColumns(predictions),
      homeName: home.name,
      awayName: away.name,
      modelVersion: modelVersions.version,
      // The score shown beside a forecast is its own regime's.
      regimeScore: sql<RegimeScore | null>`${modelVersions.metrics} -> 'regimeScores' -> (${predictions.regime})::text`,
    })
    .from(predictions)
    .innerJoin(home, eq(home.id, predictions.homeTeamId))
    .innerJoin(away, eq(away.id, predictions.awayTeamId))
    .innerJoin(modelVersions, eq(modelVersions.id, predictions.modelVersionId))
    .where(where);
}

export const upcomingFixtureSchema = z.object({
  matchId: z.number().int(),
  season: z.string(),
  kickoff: z.iso.datetime(),
  matchday: z.number().int().nullable(),
  homeTeam: teamRefSchema,
  awayTeam: teamRefSchema,
  prediction: predictionViewSchema
    .nullable()
    .describe(
      "The champion's forecast: the with-odds one once the fixture's odds are known, else the odds-free one; null when it has not predicted this fixture (yet)",
    ),
  earlier: predictionViewSchema
    .nullable()
    .describe("The champion's odds-free forecast of the fixture, kept when its odds arrived and `prediction` was made"),
});
export type UpcomingFixture = z.infer<typeof upcomingFixtureSchema>;

/** The next scheduled fixtures from `now`, each with the champion's batch prediction. */
export async function listUpcomingFixtures({
  db,
  now = new Date(),
  limit = 20,
}: {
  db: Database;
  now?: Date;
  limit?: number;
}): Promise<UpcomingFixture[]> {
  const fixtures = await db
    .select({
      matchId: matches.id,
      season: matches.season,
      kickoff: matches.kickoff,
      matchday: matches.matchday,
      homeId: matches.homeTeamId,
      awayId: matches.awayTeamId,
      homeName: home.name,
      awayName: away.name,
    })
    .from(matches)
    .innerJoin(home, eq(home.id, matches.homeTeamId))
    .innerJoin(away, eq(away.id, matches.awayTeamId))
    .where(and(eq(matches.status, "scheduled"), gte(matches.kickoff, now)))
    .orderBy(asc(matches.kickoff), asc(matches.id))
    .limit(limit);
  const champion = await getAliasTarget({ db, alias: "champion" });
  const stored =
    champion === null || fixtures.length === 0
      ? []
      : await selectPredictions(
          db,
          and(
            eq(predictions.kind, "batch"),
            eq(predictions.modelVersionId, champion),
            gte(predictions.kickoff, fixtures[0].kickoff),
          ),
        );
  const byMatch = new Map<number | null, Partial<Record<Regime, PredictionView>>>();
  for (const p of stored) byMatch.set(p.matchId, { ...byMatch.get(p.matchId), [p.regime]: toPredictionView(p) });
  return fixtures.map((f) => ({
    matchId: f.matchId,
    season: f.season,
    kickoff: f.kickoff.toISOString(),
    matchday: f.matchday,
    homeTeam: { id: f.homeId, name: f.homeName },
    awayTeam: { id: f.awayId, name: f.awayName },
    ...servedForecast(byMatch.get(f.matchId) ?? {}),
  }));
}

/** A fixture's forecast as served, and the odds-free one it replaced once odds were known. */
function servedForecast({ "with-odds": withOdds, "odds-free": oddsFree }: Partial<Record<Regime, PredictionView>>) {
  return { prediction: withOdds ?? oddsFree ?? null, earlier: withOdds && oddsFree ? oddsFree : null };
}

export const predictionBatchSchema = z.object({
  runId: z.string().nullable().describe("The predictions run that stored the batch"),
  modelVersion: z.number().int(),
  createdAt: z.iso.datetime(),
  predictions: z.array(predictionViewSchema),
});
export type PredictionBatch = z.infer<typeof predictionBatchSchema>;

/** The most recent batch of pipeline predictions (one predictions run), in kickoff order. */
export async function getLatestPredictionBatch({ db }: { db: Database }): Promise<PredictionBatch | null> {
  const [latest] = await db
    .select({ runId: predictions.runId, modelVersionId: predictions.modelVersionId, createdAt: predictions.createdAt })
    .from(predictions)
    .where(eq(predictions.kind, "batch"))
    .orderBy(desc(predictions.createdAt), desc(predictions.id))
    .limit(1);
  if (!latest) return null;
  const sameBatch = latest.runId
    ? and(eq(predictions.kind, "batch"), eq(predictions.runId, latest.runId))
    : and(eq(predictions.kind, "batch"), eq(predictions.modelVersionId, latest.modelVersionId));
  const rows = await selectPredictions(db, sameBatch).orderBy(asc(predictions.kickoff), asc(predictions.id));
  return {
    runId: latest.runId,
    modelVersion: rows[0]?.modelVersion ?? 0,
    createdAt: latest.createdAt.toISOString(),
    predictions: rows.map((r) => toPredictionView(r)),
  };
}

/**
 * Scored predictions in kickoff order (and creation order within a kickoff). `live`: the
 * pipelines' batch forecasts made before their kickoff (ad-hoc requests are left out: anyone can
 * ask about a match many times, with odds of their own); a match may have several (each champion
 * forecasts a fixture again, and again with its odds once they are known). `backtest`: the
 * walk-forward forecasts of a model version, one per match and regime.
 */
export async function listScoredPredictions({
  db,
  kind,
  modelVersionId,
}: {
  db: Database;
  kind: "live" | "backtest";
  modelVersionId?: number;
}): Promise<PredictionView[]> {
  const filters = [
    isNotNull(predictions.scoredAt),
    eq(predictions.kind, kind === "backtest" ? "backtest" : "batch"),
    kind === "live" ? lt(predictions.createdAt, predictions.kickoff) : undefined,
    modelVersionId ? eq(predictions.modelVersionId, modelVersionId) : undefined,
  ];
  const rows = await selectPredictions(db, and(...filters.filter((f): f is SQL => f !== undefined))).orderBy(
    asc(predictions.kickoff),
    asc(predictions.createdAt),
    asc(predictions.id),
  );
  return rows.map((r) => toPredictionView(r));
}

/** The last of each match's forecasts (in creation order): the one that stood at kickoff. */
export function latestPerMatch(views: readonly PredictionView[]): PredictionView[] {
  const latest = new Map<number, PredictionView>();
  for (const v of views) latest.set(v.matchId ?? -v.id, v);
  return [...latest.values()];
}
