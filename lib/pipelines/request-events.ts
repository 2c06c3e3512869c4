/** The event that asks each pipeline for a run (schemas in inngest/events.ts). */
export const PIPELINE_REQUEST_EVENTS = {
  etl: "pipeline/etl.requested",
  training: "pipeline/training.requested",
  predictions: "pipeline/predictions.requested",
  scoring: "pipeline/scoring.requested",
} as const;

export type PipelineName = keyof typeof PIPELINE_REQUEST_EVENTS;
