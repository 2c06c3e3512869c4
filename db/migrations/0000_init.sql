CREATE TYPE "public"."batch_status" AS ENUM('completed', 'skipped', 'failed');--> statement-breakpoint
CREATE TYPE "public"."log_level" AS ENUM('debug', 'info', 'warn', 'error');--> statement-breakpoint
CREATE TYPE "public"."match_result" AS ENUM('H', 'D', 'A');--> statement-breakpoint
CREATE TYPE "public"."match_status" AS ENUM('scheduled', 'finished', 'postponed');--> statement-breakpoint
CREATE TYPE "public"."prediction_kind" AS ENUM('batch', 'adhoc');--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('queued', 'running', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."step_status" AS ENUM('running', 'completed', 'failed', 'errored', 'sleeping');--> statement-breakpoint
CREATE TABLE "ingest_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"location" text NOT NULL,
	"season" text,
	"sha256" text,
	"status" "batch_status" NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"quarantined" integer DEFAULT 0 NOT NULL,
	"error" text,
	"run_id" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" serial PRIMARY KEY NOT NULL,
	"season" text NOT NULL,
	"kickoff" timestamp with time zone NOT NULL,
	"kickoff_time_known" boolean DEFAULT false NOT NULL,
	"matchday" smallint,
	"home_team_id" integer NOT NULL,
	"away_team_id" integer NOT NULL,
	"status" "match_status" NOT NULL,
	"fthg" smallint,
	"ftag" smallint,
	"ftr" "match_result",
	"hthg" smallint,
	"htag" smallint,
	"htr" "match_result",
	"referee" text,
	"attendance" integer,
	"home_shots" smallint,
	"away_shots" smallint,
	"home_shots_on_target" smallint,
	"away_shots_on_target" smallint,
	"home_fouls" smallint,
	"away_fouls" smallint,
	"home_corners" smallint,
	"away_corners" smallint,
	"home_yellow" smallint,
	"away_yellow" smallint,
	"home_red" smallint,
	"away_red" smallint,
	"b365_h" double precision,
	"b365_d" double precision,
	"b365_a" double precision,
	"b365_closing_h" double precision,
	"b365_closing_d" double precision,
	"b365_closing_a" double precision,
	"ps_h" double precision,
	"ps_d" double precision,
	"ps_a" double precision,
	"ps_closing_h" double precision,
	"ps_closing_d" double precision,
	"ps_closing_a" double precision,
	"avg_h" double precision,
	"avg_d" double precision,
	"avg_a" double precision,
	"avg_closing_h" double precision,
	"avg_closing_d" double precision,
	"avg_closing_a" double precision,
	"max_h" double precision,
	"max_d" double precision,
	"max_a" double precision,
	"max_closing_h" double precision,
	"max_closing_d" double precision,
	"max_closing_a" double precision,
	"source" text NOT NULL,
	"source_row_hash" text,
	"external_id" text,
	"batch_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matches_distinct_teams" CHECK ("matches"."home_team_id" <> "matches"."away_team_id")
);
--> statement-breakpoint
CREATE TABLE "model_alias_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"alias" text NOT NULL,
	"model_version_id" integer,
	"previous_model_version_id" integer,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_aliases" (
	"alias" text PRIMARY KEY NOT NULL,
	"model_version_id" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"engine" text NOT NULL,
	"params" jsonb NOT NULL,
	"feature_set" jsonb NOT NULL,
	"data_fingerprint" text NOT NULL,
	"trained_on" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metrics" jsonb NOT NULL,
	"artifact" "bytea" NOT NULL,
	"artifact_format" text NOT NULL,
	"training_run_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_versions_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "pipeline_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"function_id" text NOT NULL,
	"trigger" text NOT NULL,
	"event_name" text,
	"event_id" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "run_status" NOT NULL,
	"executor" text NOT NULL,
	"parent_run_id" text,
	"attempt" integer DEFAULT 0 NOT NULL,
	"output" jsonb,
	"error" text,
	"owner_id" text,
	"heartbeat_at" timestamp with time zone,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"duration_ms" integer
);
--> statement-breakpoint
CREATE TABLE "predictions" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "prediction_kind" NOT NULL,
	"match_id" integer,
	"home_team_id" integer NOT NULL,
	"away_team_id" integer NOT NULL,
	"kickoff" timestamp with time zone NOT NULL,
	"model_version_id" integer NOT NULL,
	"run_id" text,
	"p_home" double precision NOT NULL,
	"p_draw" double precision NOT NULL,
	"p_away" double precision NOT NULL,
	"market_home" double precision,
	"market_draw" double precision,
	"market_away" double precision,
	"market_source" text,
	"features" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actual_result" "match_result",
	"rps" double precision,
	"log_loss" double precision,
	"brier" double precision,
	"correct" boolean,
	"market_rps" double precision,
	"market_log_loss" double precision,
	"market_brier" double precision,
	"scored_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "quarantined_rows" (
	"id" serial PRIMARY KEY NOT NULL,
	"batch_id" integer NOT NULL,
	"line_number" integer NOT NULL,
	"raw_text" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_logs" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"step_id" text,
	"level" "log_level" NOT NULL,
	"message" text NOT NULL,
	"data" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"name" text NOT NULL,
	"op" text,
	"status" "step_status" NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"output" jsonb,
	"output_summary" text,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer
);
--> statement-breakpoint
CREATE TABLE "team_aliases" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"alias" text NOT NULL,
	"key" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"full_name" text,
	"tla" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_home_team_id_teams_id_fk" FOREIGN KEY ("home_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_away_team_id_teams_id_fk" FOREIGN KEY ("away_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_batch_id_ingest_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."ingest_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_alias_history" ADD CONSTRAINT "model_alias_history_model_version_id_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_alias_history" ADD CONSTRAINT "model_alias_history_previous_model_version_id_model_versions_id_fk" FOREIGN KEY ("previous_model_version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_model_version_id_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_training_run_id_pipeline_runs_id_fk" FOREIGN KEY ("training_run_id") REFERENCES "public"."pipeline_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_home_team_id_teams_id_fk" FOREIGN KEY ("home_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_away_team_id_teams_id_fk" FOREIGN KEY ("away_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_model_version_id_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarantined_rows" ADD CONSTRAINT "quarantined_rows_batch_id_ingest_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."ingest_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_logs" ADD CONSTRAINT "run_logs_run_id_pipeline_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."pipeline_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_steps" ADD CONSTRAINT "run_steps_run_id_pipeline_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."pipeline_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_aliases" ADD CONSTRAINT "team_aliases_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ingest_batches_location_idx" ON "ingest_batches" USING btree ("location","started_at");--> statement-breakpoint
CREATE INDEX "ingest_batches_started_idx" ON "ingest_batches" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "matches_season_home_away_idx" ON "matches" USING btree ("season","home_team_id","away_team_id");--> statement-breakpoint
CREATE INDEX "matches_season_kickoff_idx" ON "matches" USING btree ("season","kickoff");--> statement-breakpoint
CREATE INDEX "matches_kickoff_idx" ON "matches" USING btree ("kickoff");--> statement-breakpoint
CREATE INDEX "matches_status_kickoff_idx" ON "matches" USING btree ("status","kickoff");--> statement-breakpoint
CREATE INDEX "model_alias_history_alias_idx" ON "model_alias_history" USING btree ("alias","at");--> statement-breakpoint
CREATE INDEX "model_versions_created_idx" ON "model_versions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "pipeline_runs_function_started_idx" ON "pipeline_runs" USING btree ("function_id","queued_at");--> statement-breakpoint
CREATE INDEX "pipeline_runs_status_idx" ON "pipeline_runs" USING btree ("status","queued_at");--> statement-breakpoint
CREATE INDEX "pipeline_runs_queued_idx" ON "pipeline_runs" USING btree ("queued_at");--> statement-breakpoint
CREATE INDEX "predictions_match_idx" ON "predictions" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "predictions_created_idx" ON "predictions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "predictions_model_idx" ON "predictions" USING btree ("model_version_id");--> statement-breakpoint
CREATE INDEX "predictions_scored_idx" ON "predictions" USING btree ("scored_at");--> statement-breakpoint
CREATE UNIQUE INDEX "predictions_batch_match_model_idx" ON "predictions" USING btree ("match_id","model_version_id") WHERE "predictions"."kind" = 'batch';--> statement-breakpoint
CREATE INDEX "quarantined_rows_batch_idx" ON "quarantined_rows" USING btree ("batch_id","line_number");--> statement-breakpoint
CREATE INDEX "run_logs_run_idx" ON "run_logs" USING btree ("run_id","at");--> statement-breakpoint
CREATE INDEX "run_steps_run_idx" ON "run_steps" USING btree ("run_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "run_steps_run_step_attempt_idx" ON "run_steps" USING btree ("run_id","step_id","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "team_aliases_key_idx" ON "team_aliases" USING btree ("key");--> statement-breakpoint
CREATE INDEX "team_aliases_team_idx" ON "team_aliases" USING btree ("team_id");