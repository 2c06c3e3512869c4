import { z } from "zod";
import {
  etlRequested,
  matchesUpdated,
  modelPromoted,
  predictionsRequested,
  scoringRequested,
  trainingRequested,
} from "./events";
import {
  ETL_PARAMETERS,
  PREDICTIONS_PARAMETERS,
  SCORING_PARAMETERS,
  TRAINING_PARAMETERS,
  type PipelineParameters,
} from "./parameters";
import { PIPELINE_NAMES, type PipelineName } from "./pipeline-names";

export { PIPELINE_NAMES, type PipelineName };

/** An event type as `eventType()` makes it (each definition keeps its precise type). */
type AnyEventType = { readonly name: string };

export interface PipelineDefinition {
  /** Also the id of its Inngest function and the last segment of its API route. */
  name: string;
  /** The function's display name. */
  title: string;
  summary: string;
  /**
   * What starts a run: first the event that asks for one (its data are the run's parameters),
   * then other events (with their own data) and the schedule, if any.
   */
  triggers: [{ event: AnyEventType }, ...({ event: AnyEventType } | { cron: string })[]];
  /** What its request event's data may hold, and the original's names for them. */
  parameters: PipelineParameters;
  /** Attempts after the first, per step (Inngest allows 0 to 20). */
  retries: 0 | 1 | 2 | 3 | 4 | 5;
  /** The Python original's names for this flow (POST /workflows/trigger). */
  originalFlowNames: string[];
}

// `const` keeps each trigger's event type, which types the function handler's `event`.
function definePipeline<const P extends PipelineDefinition>(pipeline: P): P {
  return pipeline;
}

/**
 * Every pipeline, declared once: its name (also its Inngest function's id and its API path), what
 * starts it, the parameters its request event takes, and the Python original's flow names for it.
 * The Inngest functions, dispatch, the API, the CLI, the system status and the dashboard read this.
 */
export const PIPELINES = {
  etl: definePipeline({
    name: "etl",
    title: "ETL: results, odds and fixtures",
    summary: "Loads results, odds and fixtures (bundled snapshot or live)",
    triggers: [{ event: etlRequested }, { cron: "TZ=Europe/London 0 6 * * *" }],
    parameters: ETL_PARAMETERS,
    retries: 2,
    originalFlowNames: ["data_pipeline_flow", "etl_and_training_flow"],
  }),
  training: definePipeline({
    name: "training",
    title: "Training: walk-forward evaluation, registry, promotion gate",
    summary: "Features, walk-forward evaluation, final fit, registration and the promotion gate",
    triggers: [{ event: trainingRequested }, { event: matchesUpdated }, { cron: "TZ=Europe/London 0 4 * * 1" }],
    parameters: TRAINING_PARAMETERS,
    retries: 1,
    originalFlowNames: ["training_pipeline_flow"],
  }),
  predictions: definePipeline({
    name: "predictions",
    title: "Predictions: upcoming fixtures",
    summary: "The champion's forecasts of the scheduled fixtures",
    triggers: [{ event: predictionsRequested }, { event: modelPromoted }, { event: matchesUpdated }],
    parameters: PREDICTIONS_PARAMETERS,
    retries: 2,
    originalFlowNames: ["prediction_pipeline_flow", "prediction_generation_flow"],
  }),
  scoring: definePipeline({
    name: "scoring",
    title: "Scoring and monitoring",
    summary: "Scores played matches' predictions next to the market's and checks data freshness",
    triggers: [{ event: scoringRequested }, { event: matchesUpdated }],
    parameters: SCORING_PARAMETERS,
    retries: 2,
    originalFlowNames: [],
  }),
} satisfies Record<PipelineName, PipelineDefinition>;

export type Pipeline = (typeof PIPELINES)[PipelineName];

/** A pipeline's name, e.g. in a URL or a request. */
export const pipelineNameSchema = z.enum(PIPELINE_NAMES);

export function isPipelineName(name: string): name is PipelineName {
  return Object.hasOwn(PIPELINES, name);
}

/** The event that asks a pipeline for a run. */
export function requestEventOf<P extends PipelineDefinition>(pipeline: P): P["triggers"][0]["event"] {
  return pipeline.triggers[0].event;
}

/** The pipeline a function id belongs to (each pipeline's function is named after it). */
export function pipelineOfFunction(functionId: string): Pipeline | null {
  return isPipelineName(functionId) ? PIPELINES[functionId] : null;
}

/** The Python original's flow names, each with the pipeline it maps to. */
export const ORIGINAL_FLOW_NAMES: Record<string, PipelineName> = Object.fromEntries(
  PIPELINE_NAMES.flatMap((name) => PIPELINES[name].originalFlowNames.map((flow) => [flow, name])),
);

/** Every name a run can be asked for by: ours, then the original's. */
export const FLOW_NAMES: string[] = [...PIPELINE_NAMES, ...Object.keys(ORIGINAL_FLOW_NAMES)];

/** The Inngest function options of a pipeline: id, display name, retries, triggers, one run at a time. */
export function pipelineFunctionOptions<P extends PipelineDefinition>(
  pipeline: P,
): { id: P["name"]; name: P["title"]; retries: P["retries"]; concurrency: { limit: 1 }; triggers: P["triggers"] } {
  return {
    id: pipeline.name,
    name: pipeline.title,
    retries: pipeline.retries,
    concurrency: { limit: 1 },
    triggers: pipeline.triggers,
  };
}
