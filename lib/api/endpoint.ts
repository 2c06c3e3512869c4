import type { z } from "zod";

export type HttpMethod = "get" | "post" | "put";

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Response headers worth documenting, name → description. */
  headers?: Record<string, string>;
}

/**
 * One route's contract: what the handler parses (params, query, body) and what it answers. The
 * route handler (`handle`) and the OpenAPI document read the same object, so they cannot drift.
 */
export interface EndpointSpec {
  method: HttpMethod;
  /** OpenAPI path: `/api/runs/{id}` for app/api/runs/[id]/route.ts. */
  path: `/api/${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Guarded by guardStateChange: key or loopback, rate limit, cross-site refusal. */
  stateChanging?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** JSON body; an empty body reads as `{}`. */
  body?: z.ZodType;
  /** Default DEFAULT_BODY_LIMIT_BYTES. */
  maxBodyBytes?: number;
  /** Success answers (errors of the one shape are added from what the route parses). */
  responses: Record<number, ResponseSpec>;
  /** Served by code other than `handle` (the Inngest serve handler); documented only. */
  external?: boolean;
}

/** Types a contract literal while keeping its schemas' own types. */
export function defineEndpoint<S extends EndpointSpec>(spec: S): S {
  return spec;
}
