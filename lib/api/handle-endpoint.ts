import type { z } from "zod";
import type { EndpointSpec } from "./endpoint";
import { guardStateChange } from "./guard-state-change";
import { readJson, readParams, readQuery, route } from "./handler";

type Parsed<S, K extends "params" | "query" | "body"> = S extends { [P in K]: infer T extends z.ZodType }
  ? z.output<T>
  : undefined;

export interface EndpointInput<S extends EndpointSpec> {
  request: Request;
  params: Parsed<S, "params">;
  query: Parsed<S, "query">;
  body: Parsed<S, "body">;
  /** Who made a state-changing request (`api-key` or `address …`); null on reads. */
  client: S extends { stateChanging: true } ? string : null;
}

/** What Next.js passes as the second argument of a route handler. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * A route handler for a contract: state-changing routes are guarded first, then path params,
 * query and body are parsed with the contract's schemas (each failure a 4xx naming the field),
 * then `fn` runs; every error leaves in the one error shape.
 */
export function handle<S extends EndpointSpec>(
  spec: S,
  fn: (input: EndpointInput<S>) => Promise<Response> | Response,
): (request: Request, context?: RouteContext) => Promise<Response> {
  const handler = route(async (request: Request, context: RouteContext | undefined) => {
    const client = spec.stateChanging ? guardStateChange(request.headers).client : null;
    const params = spec.params ? readParams(await context?.params, spec.params) : undefined;
    const query = spec.query ? readQuery(request, spec.query) : undefined;
    const body = spec.body ? await readJson(request, spec.body, spec.maxBodyBytes) : undefined;
    return fn({ request, client, params, query, body } as EndpointInput<S>);
  });
  return async (request, context) => handler(request, context);
}
