import { z } from "zod";
import { parametersBodySchema } from "@/lib/pipelines/pipeline-request";
import {
  FLOW_NAMES,
  ORIGINAL_FLOW_NAMES,
  PIPELINE_NAMES,
  PIPELINES,
  type Pipeline,
  type PipelineName,
} from "@/lib/pipelines/registry";
import { runAcceptedSchema } from "@/lib/services/pipeline-runs";
import { defineEndpoint } from "../endpoint";

export const acceptedResponses = {
  202: {
    description: "Started, or the run already in progress returned (`existing: true`)",
    schema: runAcceptedSchema,
    headers: { Location: "The run: /api/runs/{run_id}" },
  },
  503: {
    description: "The pipeline could not be started (no executor running, Inngest unreachable); nothing was started",
  },
};

const tag = "Workflows";
const started = "Answers 202 with the run id, or with the id of the run of this pipeline already queued or running.";

const originalNames = (pipeline: Pipeline) => {
  const names = Object.keys(pipeline.parameters.original);
  return names.length ? ` The original system's ${names.map((n) => `\`${n}\``).join(", ")} are accepted too.` : "";
};

function startPipelineEndpoint<N extends PipelineName>(name: N) {
  const pipeline: Pipeline = PIPELINES[name];
  return defineEndpoint({
    method: "post",
    path: `/api/workflows/${name}` as const,
    operationId: `start${name[0].toUpperCase()}${name.slice(1)}`,
    tag,
    summary: `Start the ${name} pipeline`,
    description: `${pipeline.summary}. ${started}${originalNames(pipeline)}`,
    stateChanging: true,
    body: parametersBodySchema(pipeline.parameters),
    responses: acceptedResponses,
  });
}

/** POST /api/workflows/{pipeline}: one contract per pipeline, its body the pipeline's parameters. */
export const startPipeline = Object.fromEntries(PIPELINE_NAMES.map((name) => [name, startPipelineEndpoint(name)])) as {
  [N in PipelineName]: ReturnType<typeof startPipelineEndpoint<N>>;
};

const flowOption = (flowName: string, pipeline: Pipeline, lenient: boolean) =>
  z
    .object({
      flow_name: z.literal(flowName),
      parameters: parametersBodySchema(pipeline.parameters, { lenient })
        .optional()
        .describe(
          lenient
            ? "The flow's parameters; other keys of the original's flows are accepted and reported as ignored"
            : "The pipeline's parameters; omitted: its defaults",
        ),
    })
    .strict();

/** Body of POST /api/workflows/trigger: the flow (by our name or the original's) and its parameters. */
export const triggerBodySchema = z.discriminatedUnion(
  "flow_name",
  [
    ...PIPELINE_NAMES.map((name) => flowOption(name, PIPELINES[name], false)),
    ...Object.entries(ORIGINAL_FLOW_NAMES).map(([flow, name]) => flowOption(flow, PIPELINES[name], true)),
  ] as [ReturnType<typeof flowOption>, ...ReturnType<typeof flowOption>[]],
  {
    error: (issue) =>
      issue.code === "invalid_union" ? `unknown flow; valid names: ${FLOW_NAMES.join(", ")}` : undefined,
  },
);

export const triggerWorkflow = defineEndpoint({
  method: "post",
  path: "/api/workflows/trigger",
  operationId: "triggerWorkflow",
  tag,
  summary: "Start any pipeline by name",
  description: `\`flow_name\` is one of ${FLOW_NAMES.map((n) => `\`${n}\``).join(", ")} (the names after \`${PIPELINE_NAMES.at(-1)}\` are the original system's). An unknown name is a 400 listing them. ${started}`,
  stateChanging: true,
  body: triggerBodySchema,
  responses: {
    202: {
      ...acceptedResponses[202],
      schema: runAcceptedSchema.extend({ flow_name: z.string().describe("The flow name asked for, as sent") }),
    },
    503: acceptedResponses[503],
  },
});

export const forceRetraining = defineEndpoint({
  method: "post",
  path: "/api/retraining/force",
  operationId: "forceRetraining",
  tag,
  summary: "Train now, even on unchanged data",
  description: `The training pipeline with \`force: true\` and its default parameters: what the original dashboard's "Run Training Pipeline" button asked for. ${started}`,
  stateChanging: true,
  responses: acceptedResponses,
});
