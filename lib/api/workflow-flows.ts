import { z } from "zod";
import { emptyRequestSchema, etlRequestSchema } from "@/inngest/events";
import { defaultSeasons } from "@/lib/data/run-etl";
import { compareSeasons, isSeasonCode } from "@/lib/data/season-code";
import { env } from "@/lib/env";
import { getEngine } from "@/lib/model/engines";
import { PIPELINE_REQUEST_EVENTS } from "@/lib/pipelines/request-events";
import { trainingRequestSchema } from "@/lib/pipelines/training-config";

/** ETL parameters; each season must be one the chosen source has. */
export const etlParametersSchema = etlRequestSchema.superRefine((value, ctx) => {
  const source = value.source ?? env().DATA_SOURCE;
  const available = defaultSeasons(source);
  value.seasons?.forEach((season, i) => {
    if (!available.includes(season)) {
      ctx.addIssue({
        code: "custom",
        path: ["seasons", i],
        message: `season ${season} is not available from the ${source} source (${available[0]} to ${available[available.length - 1]})`,
      });
    }
  });
});

/** Training parameters; the model parameters are checked by the engine that will use them. */
export const trainingParametersSchema = trainingRequestSchema.superRefine((value, ctx) => {
  for (const [i, season] of (value.testSeasons ?? []).entries()) {
    if (!isSeasonCode(season))
      ctx.addIssue({ code: "custom", path: ["testSeasons", i], message: `${season} is not a season code like 2324` });
  }
  const first = value.firstTrainingSeason;
  if (first && !isSeasonCode(first))
    ctx.addIssue({ code: "custom", path: ["firstTrainingSeason"], message: `${first} is not a season code like 2324` });
  if (ctx.issues?.length) return;
  if (first && value.testSeasons?.some((s) => compareSeasons(first, s) >= 0)) {
    ctx.addIssue({ code: "custom", path: ["firstTrainingSeason"], message: "must come before every test season" });
  }
  if (value.params) {
    try {
      getEngine(value.engine ?? env().MODEL_ENGINE).create(value.params);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        path: ["params"],
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
});

/** Every pipeline the API starts: the event that asks for a run, and its parameters. */
export const FLOWS = {
  etl: { event: PIPELINE_REQUEST_EVENTS.etl, parameters: etlParametersSchema },
  training: { event: PIPELINE_REQUEST_EVENTS.training, parameters: trainingParametersSchema },
  predictions: { event: PIPELINE_REQUEST_EVENTS.predictions, parameters: emptyRequestSchema },
  scoring: { event: PIPELINE_REQUEST_EVENTS.scoring, parameters: emptyRequestSchema },
} as const;

export type FlowName = keyof typeof FLOWS;

/** The Python original's flow names, still accepted by POST /api/workflows/trigger. */
export const FLOW_ALIASES = {
  data_pipeline_flow: "etl",
  training_pipeline_flow: "training",
  prediction_pipeline_flow: "predictions",
} as const satisfies Record<string, FlowName>;

export const FLOW_NAMES = [...Object.keys(FLOWS), ...Object.keys(FLOW_ALIASES)] as (
  FlowName | keyof typeof FLOW_ALIASES
)[];

export function canonicalFlow(name: FlowName | keyof typeof FLOW_ALIASES): FlowName {
  return name in FLOW_ALIASES ? FLOW_ALIASES[name as keyof typeof FLOW_ALIASES] : (name as FlowName);
}

/** The flow whose function has this id (every pipeline function is named after its flow). */
export function flowOfFunction(functionId: string): FlowName | null {
  return Object.hasOwn(FLOWS, functionId) ? (functionId as FlowName) : null;
}

const flowOption = <const N extends readonly [string, ...string[]], P extends z.ZodType>(names: N, parameters: P) =>
  z
    .object({
      flow_name: z.enum(names),
      parameters: parameters.optional().describe("The pipeline's parameters; omitted: its defaults"),
    })
    .strict();

/** Body of POST /api/workflows/trigger: the flow (by either name) and its parameters. */
export const triggerBodySchema = z.discriminatedUnion(
  "flow_name",
  [
    flowOption(["etl", "data_pipeline_flow"], etlParametersSchema),
    flowOption(["training", "training_pipeline_flow"], trainingParametersSchema),
    flowOption(["predictions", "prediction_pipeline_flow"], emptyRequestSchema),
    flowOption(["scoring"], emptyRequestSchema),
  ],
  {
    error: (issue) =>
      issue.code === "invalid_union" ? `unknown flow; valid names: ${FLOW_NAMES.join(", ")}` : undefined,
  },
);
