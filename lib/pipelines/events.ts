import { eventType } from "inngest";
import { z } from "zod";
import { etlRequestSchema, predictionsRequestSchema, scoringRequestSchema, trainingRequestSchema } from "./requests";

/** Asks for an ETL run. */
export const etlRequested = eventType("pipeline/etl.requested", { schema: etlRequestSchema });
/** Asks for a training run. */
export const trainingRequested = eventType("pipeline/training.requested", { schema: trainingRequestSchema });
/** Asks for a predictions run. */
export const predictionsRequested = eventType("pipeline/predictions.requested", { schema: predictionsRequestSchema });
/** Asks for a scoring run. */
export const scoringRequested = eventType("pipeline/scoring.requested", { schema: scoringRequestSchema });

/** Emitted by the ETL when match rows were inserted or updated. */
export const matchesUpdated = eventType("data/matches.updated", {
  schema: z.object({ inserted: z.number().int(), updated: z.number().int(), files: z.number().int() }),
});

/** Emitted when the champion changes (training's gate, or a promotion or rollback by hand). */
export const modelPromoted = eventType("model/promoted", {
  schema: z.object({
    modelVersionId: z.number().int(),
    version: z.number().int(),
    previousVersion: z.number().int().nullable(),
  }),
});
