/**
 * The pipelines, in the order they feed each other; lib/pipelines/registry.ts defines each one.
 * No imports, so client components can read it too.
 */
export const PIPELINE_NAMES = ["etl", "training", "predictions", "scoring"] as const;
export type PipelineName = (typeof PIPELINE_NAMES)[number];
