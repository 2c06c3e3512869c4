import { index, integer, jsonb, pgTable, serial, text } from "drizzle-orm/pg-core";
import { bytea, timestamptz, createdAt } from "./columns";
import { pipelineRuns } from "./runs";

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
