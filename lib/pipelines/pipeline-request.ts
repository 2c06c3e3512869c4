import { z } from "zod";
import type { PipelineParameters } from "./parameters";

/**
 * The body the API accepts for a pipeline: our parameters and the original system's names for some
 * of them. `lenient` (a run asked for by one of the original's flow names) also accepts any other
 * key, which is then reported back as ignored instead of refused.
 */
export function parametersBodySchema(parameters: PipelineParameters, { lenient = false } = {}) {
  const original = Object.fromEntries(Object.entries(parameters.original).map(([k, p]) => [k, p.schema.optional()]));
  const body = z.object({ ...parameters.request.shape, ...original });
  return lenient ? body.catchall(z.unknown()) : body.strict();
}

export interface PipelineRequest {
  /** The request event's data: our names only, checked. */
  data: Record<string, unknown>;
  /** Keys of the body that no parameter of ours or of the original has. */
  ignored: string[];
}

/**
 * Turns a body (ours, the original's names, or both) into the pipeline's event data and checks it
 * against the data and engines. Where both names of one parameter are given, ours wins. A bad value
 * throws a ZodError whose paths start with `path` (e.g. `parameters` for the trigger route).
 */
export function toPipelineRequest(
  parameters: PipelineParameters,
  body: Record<string, unknown>,
  { path = [] as string[] } = {},
): PipelineRequest {
  const ours: Record<string, unknown> = {};
  const fromOriginal: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (Object.hasOwn(parameters.request.shape, key)) ours[key] = value;
    else if (Object.hasOwn(parameters.original, key))
      Object.assign(fromOriginal, parameters.original[key].toOurs(value as never, ours));
    else ignored.push(key);
  }
  const schema = parameters.check
    ? parameters.request.superRefine((value, ctx) => parameters.check!(value as never, ctx))
    : parameters.request;
  const result = schema.safeParse({ ...fromOriginal, ...ours });
  if (!result.success) throw new z.ZodError(result.error.issues.map((i) => ({ ...i, path: [...path, ...i.path] })));
  return { data: result.data as Record<string, unknown>, ignored };
}
