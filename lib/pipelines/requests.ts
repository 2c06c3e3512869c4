import { z } from "zod";

const seasonCode = z.string().regex(/^\d{4}$/, "must be a season code like 2324");
const reason = z.string().max(500).optional();

/** Event data of `pipeline/etl.requested`; every field optional (defaults: DATA_SOURCE, every season, fixtures). */
export const etlRequestSchema = z
  .object({
    source: z
      .enum(["auto", "bundled", "live"])
      .optional()
      .describe(
        "auto: the bundled snapshot, then football-data.co.uk for newer seasons and the fixtures file's odds (offline: the snapshot alone); default DATA_SOURCE",
      ),
    seasons: z.array(seasonCode).min(1).max(60).optional(),
    fixtures: z.boolean().optional(),
    force: z.boolean().optional().describe("Reprocess files even when unchanged since their last load"),
    reason,
  })
  .strict();

/** Event data of `pipeline/training.requested`. */
export const trainingRequestSchema = z
  .object({
    engine: z.enum(["forest", "ml-random-forest"]).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    search: z.boolean().optional(),
    testSeasons: z.array(seasonCode).min(1).max(10).optional(),
    firstTrainingSeason: seasonCode.optional(),
    force: z
      .boolean()
      .optional()
      .describe(
        "Train even when the newest version was trained on the same data with the same configuration (otherwise the run ends without registering a twin)",
      ),
    reason,
  })
  .strict();

/** Event data of `pipeline/predictions.requested`. */
export const predictionsRequestSchema = z
  .object({
    daysAhead: z
      .number()
      .int()
      .min(1)
      .max(400)
      .optional()
      .describe("Predict only fixtures kicking off within this many days (default: every scheduled fixture)"),
    reason,
  })
  .strict();

/** Event data of `pipeline/scoring.requested`. */
export const scoringRequestSchema = z.object({ reason }).strict();

export type EtlRequest = z.infer<typeof etlRequestSchema>;
export type TrainingRequest = z.infer<typeof trainingRequestSchema>;
export type PredictionsRequest = z.infer<typeof predictionsRequestSchema>;
