import { z } from "zod";
import { defineEndpoint } from "../endpoint";

const tag = "System";
const at = z.iso.datetime();

/** A component of the status report: `status` always, the rest depends on the component. */
const component = (description: string) => z.looseObject({ status: z.string() }).describe(description);

export const systemStatusSchema = z.object({
  status: z.enum(["ok", "degraded"]).describe("degraded when any component is down"),
  time: at,
  components: z.object({
    database: component("up or down; driver (postgres or pglite), location, latencyMs, applied migration, row counts"),
    executor: component("embedded executor: up (functions, queued, running) or down; external under Inngest"),
    inngest: component("not_configured, or up/down with url and latencyMs"),
    model: component("up (version, engine, createdAt, ageDays, rps, marketRps), missing, or down"),
    data: z
      .looseObject({})
      .describe("Data freshness: latest result, its age in days, fixtures awaiting a result, stale"),
    pipelines: z
      .looseObject({})
      .describe("The last run of each pipeline (etl, training, predictions, scoring), or null"),
  }),
});

const statusResponses = {
  200: {
    description: "Every component; one that is down is reported as down and the answer is still 200",
    schema: systemStatusSchema,
  },
};

export const health = defineEndpoint({
  method: "get",
  path: "/api/health",
  operationId: "getHealth",
  tag,
  summary: "Liveness",
  description: "Answers while the process can serve requests, without touching the database.",
  responses: {
    200: {
      description: "Alive",
      schema: z.object({ status: z.literal("ok"), uptimeSeconds: z.number().int(), time: at }),
    },
  },
});

export const status = defineEndpoint({
  method: "get",
  path: "/api/status",
  operationId: "getStatus",
  tag,
  summary: "Every component's status",
  responses: statusResponses,
});

export const systemStatus = defineEndpoint({
  method: "get",
  path: "/api/system/status",
  operationId: "getSystemStatus",
  tag,
  summary: "Every component's status (the original system's path)",
  responses: statusResponses,
});

export const dataStats = defineEndpoint({
  method: "get",
  path: "/api/data/stats",
  operationId: "getDataStats",
  tag: "Data",
  summary: "Data coverage and freshness",
  responses: {
    200: {
      description:
        "Seasons covered, matches per season, latest result, freshness, pending fixtures, quarantine, batches, last batch",
      schema: z.looseObject({
        seasons: z.array(z.looseObject({ season: z.string(), label: z.string(), matches: z.number().int() })),
        totals: z.looseObject({ seasons: z.number().int(), matches: z.number().int() }),
        latestResult: z.looseObject({}).nullable(),
        fixtures: z.looseObject({ pending: z.number().int() }),
        freshness: z.looseObject({}),
        quarantine: z.object({ rows: z.number().int() }),
        lastBatch: z.looseObject({}).nullable(),
      }),
    },
  },
});

export const openApiDocument = defineEndpoint({
  method: "get",
  path: "/api/openapi.json",
  operationId: "getOpenApiDocument",
  tag,
  summary: "This document",
  description: "OpenAPI 3.1, generated from the zod schemas the routes parse with. Browse it at /docs.",
  responses: { 200: { description: "The OpenAPI document", schema: z.looseObject({ openapi: z.string() }) } },
});

const inngest = (method: "get" | "post" | "put", summary: string) =>
  defineEndpoint({
    method,
    path: "/api/inngest",
    operationId: `inngest${method[0].toUpperCase()}${method.slice(1)}`,
    tag: "Inngest",
    summary,
    description:
      "The Inngest serve endpoint (SDK protocol), for the embedded executor or an Inngest server. Requests must be signed with the signing key; others are refused (401). Not for people.",
    external: true,
    responses: {
      200: { description: "An SDK protocol answer" },
      401: { description: "Unsigned or wrongly signed request" },
    },
  });

export const inngestEndpoints = [
  inngest("get", "Inngest: introspection"),
  inngest("post", "Inngest: run a function step"),
  inngest("put", "Inngest: register the app's functions"),
];
