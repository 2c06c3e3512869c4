import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { RUN_STATUSES } from "./run-status";

// postgres.js returns Buffer and PGlite returns Uint8Array for bytea; both are Uint8Arrays.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => timestamptz("created_at").notNull().defaultNow();

export const matchStatus = pgEnum("match_status", ["scheduled", "finished", "postponed"]);
export const matchResult = pgEnum("match_result", ["H", "D", "A"]);
export const runStatus = pgEnum("run_status", RUN_STATUSES);
export const stepStatus = pgEnum("step_status", ["running", "completed", "failed", "errored", "sleeping"]);
export const logLevel = pgEnum("log_level", ["debug", "info", "warn", "error"]);
export const batchStatus = pgEnum("batch_status", ["completed", "skipped", "failed"]);
/** batch: a pipeline's prediction of a fixture; adhoc: one asked for over the API; backtest: a
 * walk-forward forecast of an already played match, stored with the model version it evaluated. */
export const predictionKind = pgEnum("prediction_kind", ["batch", "adhoc", "backtest"]);

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

/** One execution of an Inngest function, whichever executor (embedded, inngest, cli) ran it. */
export const pipelineRuns = pgTable(
  "pipeline_runs",
  {
    id: text("id").primaryKey(),
    functionId: text("function_id").notNull(),
    trigger: text("trigger").notNull(),
    eventName: text("event_name"),
    eventId: text("event_id"),
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    status: runStatus("status").notNull(),
    executor: text("executor").notNull(),
    parentRunId: text("parent_run_id"),
    attempt: integer("attempt").notNull().default(0),
    output: jsonb("output"),
    error: text("error"),
    ownerId: text("owner_id"),
    heartbeatAt: timestamptz("heartbeat_at"),
    queuedAt: timestamptz("queued_at").notNull().defaultNow(),
    startedAt: timestamptz("started_at"),
    finishedAt: timestamptz("finished_at"),
    durationMs: integer("duration_ms"),
  },
  (t) => [
    index("pipeline_runs_function_started_idx").on(t.functionId, t.queuedAt),
    index("pipeline_runs_status_idx").on(t.status, t.queuedAt),
    index("pipeline_runs_queued_idx").on(t.queuedAt),
  ],
);

/**
 * One attempt of one step of a run. `output` keeps the step's full result so that a resumed run
 * replays it instead of re-running the step; `outputSummary` is what the dashboard shows.
 */
export const runSteps = pgTable(
  "run_steps",
  {
    id: serial("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => pipelineRuns.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    name: text("name").notNull(),
    op: text("op"),
    status: stepStatus("status").notNull(),
    attempt: integer("attempt").notNull().default(0),
    output: jsonb("output"),
    outputSummary: text("output_summary"),
    error: text("error"),
    startedAt: timestamptz("started_at").notNull().defaultNow(),
    finishedAt: timestamptz("finished_at"),
    durationMs: integer("duration_ms"),
  },
  (t) => [
    index("run_steps_run_idx").on(t.runId, t.startedAt),
    uniqueIndex("run_steps_run_step_attempt_idx").on(t.runId, t.stepId, t.attempt),
  ],
);

export const runLogs = pgTable(
  "run_logs",
  {
    id: serial("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => pipelineRuns.id, { onDelete: "cascade" }),
    stepId: text("step_id"),
    level: logLevel("level").notNull(),
    message: text("message").notNull(),
    data: jsonb("data"),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [index("run_logs_run_idx").on(t.runId, t.at)],
);

export const modelVersions = pgTable(
  "model_versions",
  {
    id: serial("id").primaryKey(),
    version: integer("version").notNull().unique(),
    engine: text("engine").notNull(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    featureSet: jsonb("feature_set").$type<string[]>().notNull(),
    dataFingerprint: text("data_fingerprint").notNull(),
    trainedOn: jsonb("trained_on").$type<Record<string, unknown>>().notNull().default({}),
    metrics: jsonb("metrics").$type<Record<string, unknown>>().notNull(),
    artifact: bytea("artifact").notNull(),
    artifactFormat: text("artifact_format").notNull(),
    trainingRunId: text("training_run_id").references(() => pipelineRuns.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("model_versions_created_idx").on(t.createdAt)],
);

/** Current pointer of each alias (`champion`, `challenger`). */
export const modelAliases = pgTable("model_aliases", {
  alias: text("alias").primaryKey(),
  modelVersionId: integer("model_version_id")
    .notNull()
    .references(() => modelVersions.id),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

/** Append-only: every alias change with who made it and why. */
export const modelAliasHistory = pgTable(
  "model_alias_history",
  {
    id: serial("id").primaryKey(),
    alias: text("alias").notNull(),
    modelVersionId: integer("model_version_id").references(() => modelVersions.id),
    previousModelVersionId: integer("previous_model_version_id").references(() => modelVersions.id),
    action: text("action").notNull(),
    actor: text("actor").notNull(),
    reason: text("reason").notNull(),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [index("model_alias_history_alias_idx").on(t.alias, t.at)],
);

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
    uniqueIndex("predictions_batch_match_model_idx")
      .on(t.matchId, t.modelVersionId)
      .where(sql`${t.kind} = 'batch'`),
    index("predictions_kind_created_idx").on(t.kind, t.createdAt),
  ],
);

export type Team = typeof teams.$inferSelect;
export type TeamAlias = typeof teamAliases.$inferSelect;
export type Match = typeof matches.$inferSelect;
export type NewMatch = typeof matches.$inferInsert;
export type IngestBatch = typeof ingestBatches.$inferSelect;
export type QuarantinedRow = typeof quarantinedRows.$inferSelect;
export type PipelineRun = typeof pipelineRuns.$inferSelect;
export type RunStep = typeof runSteps.$inferSelect;
export type RunLog = typeof runLogs.$inferSelect;
export type ModelVersion = typeof modelVersions.$inferSelect;
export type ModelAlias = typeof modelAliases.$inferSelect;
export type ModelAliasHistoryEntry = typeof modelAliasHistory.$inferSelect;
export type Prediction = typeof predictions.$inferSelect;
