import {
  createDocument,
  type CreateDocumentOptions,
  type ZodOpenApiObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import { errorBodySchema } from "./contracts/common";
import type { EndpointSpec, ResponseSpec } from "./endpoint";
import { STATE_CHANGE_RATE } from "./guard-state-change";
import { ORIGINAL_PATHS } from "./original-paths";
import { DEFAULT_BODY_LIMIT_BYTES } from "./read-body";

const PROTECTION =
  "State-changing: with API_KEY set, send `Authorization: Bearer <key>` (401 otherwise); without it, only requests from this machine (loopback) are accepted (403 otherwise), and browsers' cross-site requests are refused. " +
  `Rate limit per client: a burst of ${STATE_CHANGE_RATE.capacity}, then ${STATE_CHANGE_RATE.refillPerSecond * 60} per minute (429 with Retry-After).`;

/** The error answers a route can give from what it parses and whether it changes state. */
function errorResponses(e: EndpointSpec): Record<number, ResponseSpec> {
  const errors: Record<number, ResponseSpec> = {};
  if (e.params || e.query || e.body) errors[400] = { description: "Invalid input: `issues` names each field and why" };
  if (e.body) {
    errors[413] = { description: `Body larger than ${e.maxBodyBytes ?? DEFAULT_BODY_LIMIT_BYTES} bytes` };
    errors[415] = { description: "A body declared as a form or another type that is not JSON" };
  }
  if (e.stateChanging) {
    errors[401] = { description: "API_KEY is set and the bearer key is missing or wrong" };
    errors[403] = {
      description: "API_KEY is not set and the request is not from loopback, or it is a browser's cross-site request",
    };
    errors[429] = {
      description: "Rate limit reached",
      headers: { "Retry-After": "Seconds until a request is allowed again" },
    };
  }
  return errors;
}

function responses(e: EndpointSpec): ZodOpenApiResponsesObject {
  const out: ZodOpenApiResponsesObject = {};
  const all = { ...errorResponses(e), ...e.responses };
  for (const [code, r] of Object.entries(all).sort(([a], [b]) => Number(a) - Number(b))) {
    const schema = r.schema ?? (Number(code) >= 400 ? errorBodySchema : undefined);
    out[code as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: r.description,
      ...(schema ? { content: { "application/json": { schema } } } : {}),
      ...(r.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(r.headers).map(([name, description]) => [
                name,
                { description, schema: { type: "string" as const } },
              ]),
            ),
          }
        : {}),
    };
  }
  return out;
}

function operation(e: EndpointSpec): ZodOpenApiOperationObject {
  return {
    operationId: e.operationId,
    summary: e.summary,
    description: [e.description, e.stateChanging ? PROTECTION : undefined].filter(Boolean).join("\n\n") || undefined,
    tags: [e.tag],
    ...(e.params || e.query
      ? { requestParams: { ...(e.params ? { path: e.params } : {}), ...(e.query ? { query: e.query } : {}) } }
      : {}),
    ...(e.body
      ? {
          requestBody: { required: !e.body.safeParse({}).success, content: { "application/json": { schema: e.body } } },
        }
      : {}),
    ...(e.stateChanging ? { security: [{ bearerAuth: [] }, {}] } : {}),
    responses: responses(e),
  };
}

// zod states the bounds of every safe integer and the regex behind every date-time: they tell a
// reader nothing and make Swagger UI's examples absurd.
const dropNoise: NonNullable<CreateDocumentOptions["override"]> = ({ jsonSchema }) => {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
};

const ORIGINAL_TAG = "Original system";

/** The same operation at one of the Python original's paths (a rewrite to the same handler). */
function originalAlias(e: EndpointSpec, path: string): ZodOpenApiOperationObject {
  const op = operation(e);
  return {
    ...op,
    operationId: `${e.operationId}At${path.replace(/\W+(\w)/g, (_, c: string) => c.toUpperCase())}`,
    tags: [ORIGINAL_TAG],
    description: [`The Python original's path for \`${e.path}\`: the same handler, the same answer.`, op.description]
      .filter(Boolean)
      .join("\n\n"),
  };
}

/** The OpenAPI 3.1 document of the given routes, generated from their zod schemas. */
export function buildOpenApiDocument(endpoints: readonly EndpointSpec[], { version }: { version: string }) {
  const paths: ZodOpenApiPathsObject = {};
  for (const e of endpoints) paths[e.path] = { ...paths[e.path], [e.method]: operation(e) };
  for (const [alias, target] of Object.entries(ORIGINAL_PATHS)) {
    for (const e of endpoints.filter((x) => x.path === target))
      paths[alias] = { ...paths[alias], [e.method]: originalAlias(e, alias) };
  }
  const document: ZodOpenApiObject = {
    openapi: "3.1.0",
    info: {
      title: "PL Predictor API",
      version,
      description:
        "Premier League match predictions (home/draw/away) and the MLOps around them: pipelines, runs, model registry. Every error has one JSON shape, `{code, message, issues?, details?}`; bad input is a 4xx naming the field.",
    },
    tags: [
      ...[...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
      {
        name: ORIGINAL_TAG,
        description:
          "The Python original's paths, answered at the root by the same handlers as their /api routes; its flow names and parameters (force_retrain, days_ahead, years_back) are accepted too",
      },
    ],
    paths,
    components: {
      schemas: { Error: errorBodySchema },
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "The server's API_KEY" } },
    },
  };
  return createDocument(document, { override: dropNoise });
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
