import { emptyRequestSchema } from "@/inngest/events";
import { defineEndpoint } from "../endpoint";
import { workflowAcceptedSchema } from "../start-workflow";
import { etlParametersSchema, FLOW_NAMES, trainingParametersSchema, triggerBodySchema } from "../workflow-flows";

const accepted = {
  202: {
    description: "Started, or the run already in progress returned (`existing: true`)",
    schema: workflowAcceptedSchema,
    headers: { Location: "The run: /api/runs/{run_id}" },
  },
  503: {
    description: "The pipeline could not be started (no executor running, Inngest unreachable); nothing was started",
  },
};

const tag = "Workflows";
const started = "Answers 202 with the run id, or with the id of the run of this pipeline already queued or running.";

export const startEtl = defineEndpoint({
  method: "post",
  path: "/api/workflows/etl",
  operationId: "startEtl",
  tag,
  summary: "Start the ETL pipeline",
  description: `Loads results, odds and fixtures (bundled snapshot or live). ${started}`,
  stateChanging: true,
  body: etlParametersSchema,
  responses: accepted,
});

export const startTraining = defineEndpoint({
  method: "post",
  path: "/api/workflows/training",
  operationId: "startTraining",
  tag,
  summary: "Start the training pipeline",
  description: `Features, walk-forward evaluation, final fit, registration and the promotion gate. \`params\` are checked by the engine. ${started}`,
  stateChanging: true,
  body: trainingParametersSchema,
  responses: accepted,
});

export const startPredictions = defineEndpoint({
  method: "post",
  path: "/api/workflows/predictions",
  operationId: "startPredictions",
  tag,
  summary: "Start the predictions pipeline",
  description: `The champion's forecasts for every scheduled fixture. ${started}`,
  stateChanging: true,
  body: emptyRequestSchema,
  responses: accepted,
});

export const startScoring = defineEndpoint({
  method: "post",
  path: "/api/workflows/scoring",
  operationId: "startScoring",
  tag,
  summary: "Start the scoring pipeline",
  description: `Scores stored predictions whose matches have been played, next to the market's, and checks data freshness. ${started}`,
  stateChanging: true,
  body: emptyRequestSchema,
  responses: accepted,
});

export const triggerWorkflow = defineEndpoint({
  method: "post",
  path: "/api/workflows/trigger",
  operationId: "triggerWorkflow",
  tag,
  summary: "Start any pipeline by name",
  description: `\`flow_name\` is one of ${FLOW_NAMES.map((n) => `\`${n}\``).join(", ")} (the last three are the original system's names). An unknown name is a 400 listing them. ${started}`,
  stateChanging: true,
  body: triggerBodySchema,
  responses: accepted,
});
