import { index, integer, jsonb, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";
import { runStatus, stepStatus, logLevel } from "./enums";

/** One execution of an Inngest function, whichever executor (embedded or inngest) ran it. */
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
