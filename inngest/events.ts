import { eventType } from "inngest";
import { z } from "zod";
import { trainingRequestSchema } from "@/lib/pipelines/training-config";

const seasonCode = z.string().regex(/^\d{4}$/, "must be a season code like 2324");

/** Ask for an ETL run; every field is optional (defaults: DATA_SOURCE, every season, fixtures). */
export const etlRequestSchema = z
  .object({
    source: z.enum(["bundled", "live"]).optional(),
    seasons: z.array(seasonCode).min(1).max(60).optional(),
    fixtures: z.boolean().optional(),
    force: z.boolean().optional(),
  })
  .strict();

export const emptyRequestSchema = z.object({ reason: z.string().max(500).optional() }).strict();

export const etlRequested = eventType("pipeline/etl.requested", { schema: etlRequestSchema });
export const trainingRequested = eventType("pipeline/training.requested", { schema: trainingRequestSchema });
export const predictionsRequested = eventType("pipeline/predictions.requested", { schema: emptyRequestSchema });
export const scoringRequested = eventType("pipeline/scoring.requested", { schema: emptyRequestSchema });

/** Emitted by the ETL when match rows were inserted or updated. */
export const matchesUpdated = eventType("data/matches.updated", {
  schema: z.object({ inserted: z.number().int(), updated: z.number().int(), files: z.number().int() }),
});

/** Emitted by training when the champion changes. */
export const modelPromoted = eventType("model/promoted", {
  schema: z.object({
    modelVersionId: z.number().int(),
    version: z.number().int(),
    previousVersion: z.number().int().nullable(),
  }),
});
