import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { timestamptz, createdAt } from "./columns";
import { matchStatus, matchResult, batchStatus } from "./enums";

/** One row per club; `name` is the canonical name (football-data.co.uk's spelling). */
export const teams = pgTable("teams", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  fullName: text("full_name"),
  tla: text("tla"),
  createdAt: createdAt(),
});

/** Every spelling of a club in every source; `key` is the normalised lookup form. */
export const teamAliases = pgTable(
  "team_aliases",
  {
    id: serial("id").primaryKey(),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
    key: text("key").notNull(),
    source: text("source").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("team_aliases_key_idx").on(t.key), index("team_aliases_team_idx").on(t.teamId)],
);

export const ingestBatches = pgTable(
  "ingest_batches",
  {
    id: serial("id").primaryKey(),
    source: text("source").notNull(),
    location: text("location").notNull(),
    season: text("season"),
    sha256: text("sha256"),
    status: batchStatus("status").notNull(),
    rowsRead: integer("rows_read").notNull().default(0),
    inserted: integer("inserted").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    quarantined: integer("quarantined").notNull().default(0),
    error: text("error"),
    runId: text("run_id"),
    startedAt: timestamptz("started_at").notNull().defaultNow(),
    finishedAt: timestamptz("finished_at"),
    durationMs: integer("duration_ms"),
  },
  (t) => [
    index("ingest_batches_location_idx").on(t.location, t.startedAt),
    index("ingest_batches_started_idx").on(t.startedAt),
  ],
);

export const quarantinedRows = pgTable(
  "quarantined_rows",
  {
    id: serial("id").primaryKey(),
    batchId: integer("batch_id")
      .notNull()
      .references(() => ingestBatches.id, { onDelete: "cascade" }),
    lineNumber: integer("line_number").notNull(),
    rawText: text("raw_text").notNull(),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("quarantined_rows_batch_idx").on(t.batchId, t.lineNumber)],
);

/**
 * A played or scheduled league match. Kickoff is UTC; before 2019/20 the source gives only a
 * date, so `kickoffTimeKnown` is false and kickoff holds 15:00 UK time of that date.
 */
export const matches = pgTable(
  "matches",
  {
    id: serial("id").primaryKey(),
    season: text("season").notNull(),
    kickoff: timestamptz("kickoff").notNull(),
    kickoffTimeKnown: boolean("kickoff_time_known").notNull().default(false),
    matchday: smallint("matchday"),
    homeTeamId: integer("home_team_id")
      .notNull()
      .references(() => teams.id),
    awayTeamId: integer("away_team_id")
      .notNull()
      .references(() => teams.id),
    status: matchStatus("status").notNull(),

    fthg: smallint("fthg"),
    ftag: smallint("ftag"),
    ftr: matchResult("ftr"),
    hthg: smallint("hthg"),
    htag: smallint("htag"),
    htr: matchResult("htr"),

    // In-match statistics: for display and for features of *later* matches only.
    referee: text("referee"),
    attendance: integer("attendance"),
    homeShots: smallint("home_shots"),
    awayShots: smallint("away_shots"),
    homeShotsOnTarget: smallint("home_shots_on_target"),
    awayShotsOnTarget: smallint("away_shots_on_target"),
    homeFouls: smallint("home_fouls"),
    awayFouls: smallint("away_fouls"),
    homeCorners: smallint("home_corners"),
    awayCorners: smallint("away_corners"),
    homeYellow: smallint("home_yellow"),
    awayYellow: smallint("away_yellow"),
    homeRed: smallint("home_red"),
    awayRed: smallint("away_red"),

    // 1X2 decimal odds. Pre-match and closing; "avg"/"max" are the market aggregates
    // (Avg*/Max* from 2019/20, BetBrain BbAv*/BbMx* before).
    b365H: doublePrecision("b365_h"),
    b365D: doublePrecision("b365_d"),
    b365A: doublePrecision("b365_a"),
    b365ClosingH: doublePrecision("b365_closing_h"),
    b365ClosingD: doublePrecision("b365_closing_d"),
    b365ClosingA: doublePrecision("b365_closing_a"),
    psH: doublePrecision("ps_h"),
    psD: doublePrecision("ps_d"),
    psA: doublePrecision("ps_a"),
    psClosingH: doublePrecision("ps_closing_h"),
    psClosingD: doublePrecision("ps_closing_d"),
    psClosingA: doublePrecision("ps_closing_a"),
    avgH: doublePrecision("avg_h"),
    avgD: doublePrecision("avg_d"),
    avgA: doublePrecision("avg_a"),
    avgClosingH: doublePrecision("avg_closing_h"),
    avgClosingD: doublePrecision("avg_closing_d"),
    avgClosingA: doublePrecision("avg_closing_a"),
    maxH: doublePrecision("max_h"),
    maxD: doublePrecision("max_d"),
    maxA: doublePrecision("max_a"),
    maxClosingH: doublePrecision("max_closing_h"),
    maxClosingD: doublePrecision("max_closing_d"),
    maxClosingA: doublePrecision("max_closing_a"),

    source: text("source").notNull(),
    sourceRowHash: text("source_row_hash"),
    externalId: text("external_id"),
    batchId: integer("batch_id").references(() => ingestBatches.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("matches_season_home_away_idx").on(t.season, t.homeTeamId, t.awayTeamId),
    index("matches_season_kickoff_idx").on(t.season, t.kickoff),
    index("matches_kickoff_idx").on(t.kickoff),
    index("matches_status_kickoff_idx").on(t.status, t.kickoff),
    check("matches_distinct_teams", sql`${t.homeTeamId} <> ${t.awayTeamId}`),
  ],
);
