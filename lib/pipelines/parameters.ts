import { z } from "zod";
import { defaultSeasons } from "@/lib/data/run-etl";
import { compareSeasons, isSeasonCode } from "@/lib/data/season-code";
import { env } from "@/lib/env";
import { getEngine } from "@/lib/model/engines";
import {
  etlRequestSchema,
  predictionsRequestSchema,
  scoringRequestSchema,
  trainingRequestSchema,
  type EtlRequest,
  type TrainingRequest,
} from "./requests";

/** A parameter name of the Python original and how its value becomes ours. */
export interface OriginalParameter {
  schema: z.ZodType;
  /** Our parameters for the value; `request` is the rest of the request (ours). */
  toOurs: (value: never, request: Record<string, unknown>) => Record<string, unknown>;
}

/** What a pipeline run may be asked for, from the API, the dashboard or the CLI. */
export interface PipelineParameters {
  /** Our parameters: the schema of the pipeline's request event. */
  request: z.ZodObject;
  /** The original system's names for some of them (accepted beside ours). */
  original: Record<string, OriginalParameter>;
  /** Checks against the data and the engines, run after the original names are translated. */
  check?: (value: never, ctx: z.RefinementCtx) => void;
}

/** ETL: each season must be one the chosen source has. */
function checkEtl(value: EtlRequest, ctx: z.RefinementCtx) {
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
}

/** Training: test seasons after the first training season; params the engine accepts. */
function checkTraining(value: TrainingRequest, ctx: z.RefinementCtx) {
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
}

export const ETL_PARAMETERS: PipelineParameters = {
  request: etlRequestSchema,
  original: {
    years_back: {
      schema: z.number().int().min(1).max(60).describe("The original's name: load the last N seasons of the source"),
      toOurs: (years: number, request) => {
        const source = (request.source as EtlRequest["source"]) ?? env().DATA_SOURCE;
        return { seasons: defaultSeasons(source).slice(-years) };
      },
    },
  },
  check: checkEtl,
};

export const TRAINING_PARAMETERS: PipelineParameters = {
  request: trainingRequestSchema,
  original: {
    force_retrain: {
      schema: z.boolean().describe("The original's name for `force`"),
      toOurs: (force: boolean) => ({ force }),
    },
  },
  check: checkTraining,
};

export const PREDICTIONS_PARAMETERS: PipelineParameters = {
  request: predictionsRequestSchema,
  original: {
    days_ahead: {
      schema: z.number().int().min(1).max(400).describe("The original's name for `daysAhead`"),
      toOurs: (daysAhead: number) => ({ daysAhead }),
    },
  },
};

export const SCORING_PARAMETERS: PipelineParameters = { request: scoringRequestSchema, original: {} };
