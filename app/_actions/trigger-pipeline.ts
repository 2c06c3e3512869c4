"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { emptyRequestSchema } from "@/inngest/events";
import { authorizeDashboardAction } from "@/lib/api/protection";
import { etlParametersSchema, trainingParametersSchema } from "@/lib/api/workflow-flows";
import { dispatch } from "@/lib/pipelines/dispatch";
import { failure, ok, type ActionResult } from "./action-result";

// The API's checks too (seasons the source has, test seasons after the first training season,
// params the engine accepts): a bad option is a form error, not a failed run.
const triggerSchema = z.discriminatedUnion("pipeline", [
  z.object({ pipeline: z.literal("etl"), options: etlParametersSchema }),
  z.object({ pipeline: z.literal("training"), options: trainingParametersSchema }),
  z.object({ pipeline: z.literal("predictions"), options: emptyRequestSchema }),
]);

export type TriggerInput = z.input<typeof triggerSchema>;
export interface Triggered {
  /** The run started, or the one already queued or running (dedupe); null under Inngest until it starts. */
  runId: string | null;
  alreadyActive: boolean;
}

/** Starts a pipeline run from the dashboard (one at a time per pipeline: a second click follows the first). */
export async function triggerPipeline(input: TriggerInput): Promise<ActionResult<Triggered>> {
  try {
    authorizeDashboardAction(await headers());
    const { pipeline, options } = triggerSchema.parse(input);
    const result = await dispatch(
      { name: `pipeline/${pipeline}.requested`, data: options },
      { dedupe: true, trigger: "manual" },
    );
    const runId = result.runIds[0] ?? null;
    return ok({ runId, alreadyActive: runId !== null && result.existingRunIds.includes(runId) });
  } catch (error) {
    return failure(error);
  }
}
