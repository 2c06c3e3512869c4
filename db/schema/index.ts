/**
 * The one Drizzle schema of both databases (PGlite and Postgres), one file per area; drizzle-kit
 * generates db/migrations from it.
 */
export * from "./enums";
export * from "./data";
export * from "./runs";
export * from "./models";
export * from "./predictions";

import type { ingestBatches, matches, quarantinedRows, teamAliases, teams } from "./data";
import type { modelAliases, modelAliasHistory, modelVersions } from "./models";
import type { predictions } from "./predictions";
import type { pipelineRuns, runLogs, runSteps } from "./runs";

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
