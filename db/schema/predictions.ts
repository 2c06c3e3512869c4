import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { timestamptz, createdAt } from "./columns";
import { matchResult, predictionKind, predictionRegime } from "./enums";
import { matches, teams } from "./data";
import { modelVersions } from "./models";

/**
 * A model's H/D/A probabilities for a match, beside the market's margin-free probabilities.
 * Scoring fields stay null until the match is played. Ad-hoc predictions may name teams and a
 * kickoff with no stored match.
 */
export const predictions = pgTable(
  "predictions",
  {
    id: serial("id").primaryKey(),
    kind: predictionKind("kind").notNull(),
    /** Which model made it: the with-odds one when the match's pre-match odds were known, else the odds-free one. */
    regime: predictionRegime("regime").notNull(),
    matchId: integer("match_id").references(() => matches.id, { onDelete: "cascade" }),
    homeTeamId: integer("home_team_id")
      .notNull()
      .references(() => teams.id),
    awayTeamId: integer("away_team_id")
      .notNull()
      .references(() => teams.id),
    kickoff: timestamptz("kickoff").notNull(),
    modelVersionId: integer("model_version_id")
      .notNull()
      .references(() => modelVersions.id),
    runId: text("run_id"),
    pHome: doublePrecision("p_home").notNull(),
    pDraw: doublePrecision("p_draw").notNull(),
    pAway: doublePrecision("p_away").notNull(),
    marketHome: doublePrecision("market_home"),
    marketDraw: doublePrecision("market_draw"),
    marketAway: doublePrecision("market_away"),
    marketSource: text("market_source"),
    features: jsonb("features").$type<Record<string, number | null>>(),
    createdAt: createdAt(),

    actualResult: matchResult("actual_result"),
    rps: doublePrecision("rps"),
    logLoss: doublePrecision("log_loss"),
    brier: doublePrecision("brier"),
    correct: boolean("correct"),
    marketRps: doublePrecision("market_rps"),
    marketLogLoss: doublePrecision("market_log_loss"),
    marketBrier: doublePrecision("market_brier"),
    scoredAt: timestamptz("scored_at"),
  },
  (t) => [
    index("predictions_match_idx").on(t.matchId),
    index("predictions_created_idx").on(t.createdAt),
    index("predictions_model_idx").on(t.modelVersionId),
    index("predictions_scored_idx").on(t.scoredAt),
    // A fixture keeps one batch forecast per version and regime: the odds-free one stays stored
    // when its odds arrive and the with-odds one is made.
    uniqueIndex("predictions_batch_match_model_regime_idx")
      .on(t.matchId, t.modelVersionId, t.regime)
      .where(sql`${t.kind} = 'batch'`),
    index("predictions_kind_created_idx").on(t.kind, t.createdAt),
  ],
);
