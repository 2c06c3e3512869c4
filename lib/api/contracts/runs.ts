import { z } from "zod";
import { runStatus } from "@/db/schema";
import { runSortColumns } from "@/lib/runs/run-queries";
import { pipelineNameSchema } from "@/lib/pipelines/registry";
import { defineEndpoint } from "../endpoint";
import { runDetailSchema, runSummarySchema } from "../run-view";
import { runAcceptedSchema } from "@/lib/services/pipeline-runs";
import { positiveIntFromString } from "./common";

const tag = "Runs";

export const runIdParams = z.object({
  id: z
    .string()
    .regex(/^[\w-]{1,200}$/, "must be a run id: letters, digits, - and _, at most 200")
    .describe("Run id, as returned by the workflow routes"),
});

export const listRunsQuery = z
  .object({
    function: pipelineNameSchema.optional().describe("Only runs of this pipeline"),
    status: z.enum(runStatus.enumValues).optional(),
    page: positiveIntFromString("a page number ≥ 1").default(1),
    pageSize: positiveIntFromString("an integer from 1 to 100")
      .max(100, "must be an integer from 1 to 100")
      .default(20),
    sort: z
      .enum(runSortColumns)
      .default("queuedAt")
      .describe("Runs without a value of this column come last either way"),
    direction: z.enum(["asc", "desc"]).default("desc"),
  })
  .strict();

export const listRuns = defineEndpoint({
  method: "get",
  path: "/api/runs",
  operationId: "listRuns",
  tag,
  summary: "List pipeline runs",
  description: "Paged, newest first by default; filter by pipeline and status, sort by one column.",
  query: listRunsQuery,
  responses: {
    200: {
      description: "One page of runs",
      schema: z.object({
        runs: z.array(runSummarySchema),
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z.number().int(),
        pageCount: z.number().int(),
      }),
    },
  },
});

export const getRun = defineEndpoint({
  method: "get",
  path: "/api/runs/{id}",
  operationId: "getRun",
  tag,
  summary: "One run with its steps and logs",
  params: runIdParams,
  responses: { 200: { description: "The run", schema: runDetailSchema }, 404: { description: "No run has this id" } },
});

export const rerunRun = defineEndpoint({
  method: "post",
  path: "/api/runs/{id}/rerun",
  operationId: "rerunRun",
  tag,
  summary: "Run a run's pipeline again",
  description:
    "A run asked for by its pipeline's request event is repeated with the same event name and data. One started by a cron or another event is repeated through its pipeline's request event with no parameters (the input it ran with), so that only this pipeline reruns. Trigger `manual`; a run of the pipeline already queued or running is returned instead.",
  stateChanging: true,
  params: runIdParams,
  responses: {
    202: {
      description: "Started (or the run in progress returned)",
      schema: runAcceptedSchema.extend({
        rerun_of: z.string(),
        same_event: z.boolean().describe("True when the original event name and data were sent again"),
      }),
      headers: { Location: "The new run: /api/runs/{run_id}" },
    },
    404: { description: "No run has this id" },
    409: { description: "The run's function is not one the API can start" },
    503: { description: "The pipeline could not be started; nothing was started" },
  },
});
