import { z } from "zod";
import { logger } from "@/lib/logger";
import { ApiError, badRequest, issuesFromZod } from "./errors";
import { DEFAULT_BODY_LIMIT_BYTES, readBodyText } from "./read-body";

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response;

/**
 * Wraps a route handler so that every failure leaves in the one error shape: ApiError as itself,
 * a ZodError as 400 with its issues, anything else as a logged 500 without internals.
 */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      if (error instanceof z.ZodError) return badRequest("Invalid request", issuesFromZod(error)).toResponse();
      logger.error({ err: error, url: request.url, method: request.method }, "unhandled route error");
      return new ApiError("internal", "api", "Internal error; the server log has the details").toResponse();
    }
  };
}

/**
 * Parses a JSON body against a schema: malformed JSON and schema violations are 400s naming the
 * field, a body past `maxBytes` is 413, a non-JSON Content-Type 415. An empty body reads as `{}`.
 */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
  maxBytes = DEFAULT_BODY_LIMIT_BYTES,
): Promise<z.infer<T>> {
  const text = await readBodyText(request, maxBytes);
  let value: unknown = {};
  if (text.trim() !== "") {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw badRequest(`Malformed JSON body: ${(error as Error).message}`, [
        { field: "(body)", message: "not valid JSON" },
      ]);
    }
  }
  const nul = findNul(value);
  if (nul !== null)
    throw badRequest("Invalid request body", [
      { field: nul || "(body)", message: "must not contain the NUL character (\\u0000)" },
    ]);
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest("Invalid request body", issuesFromZod(result.error));
  return result.data;
}

/** The path of the first string (value or key) holding U+0000, which Postgres cannot store; else null. */
function findNul(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes("\0") ? path : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes("\0")) return at;
    const found = findNul(item, at);
    if (found !== null) return found;
  }
  return null;
}

/** Parses URL search params against a schema (values arrive as strings; use z.coerce). */
export function readQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const result = schema.safeParse(params);
  if (!result.success) throw badRequest("Invalid query parameters", issuesFromZod(result.error, "(query)"));
  return result.data;
}

/** Parses dynamic route segments (`[id]`) against a schema; a bad segment is a 400 naming it. */
export function readParams<T extends z.ZodType>(params: unknown, schema: T): z.infer<T> {
  const result = schema.safeParse(params ?? {});
  if (!result.success) throw badRequest("Invalid path parameters", issuesFromZod(result.error, "(path)"));
  return result.data;
}
