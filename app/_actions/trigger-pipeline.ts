"use server";

import { z } from "zod";
import { pipelineNameSchema } from "@/lib/pipelines/registry";
import { startPipelineRun } from "@/lib/services/pipeline-runs";
import { action } from "./action";

const triggerSchema = z.object({
  pipeline: pipelineNameSchema,
  options: z.record(z.string(), z.unknown()).default({}),
});

export type TriggerInput = z.input<typeof triggerSchema>;

/**
 * Starts a pipeline run from the dashboard through the API's service (one at a time per pipeline:
 * a second click follows the first). Bad options are a form error, not a failed run.
 */
export const triggerPipeline = action({ input: triggerSchema, changesState: true }, ({ pipeline, options }, { db }) =>
  startPipelineRun({ db, pipeline, parameters: options }),
);
