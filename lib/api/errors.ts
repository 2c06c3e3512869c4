import { z } from "zod";

export type ErrorType =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

/** Which part of the system answered: the API layer, the database, a pipeline, the model… */
export type ErrorSurface = "api" | "database" | "pipeline" | "model" | "data" | "registry" | "auth";

const statusByType: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export interface ErrorIssue {
  /** Dotted path of the offending field, e.g. `home_team` or `parameters.seasons.0`. */
  field: string;
  message: string;
}

/** The JSON body of every error the API returns. */
export interface ErrorBody {
  code: `${ErrorType}:${ErrorSurface}`;
  message: string;
  issues?: ErrorIssue[];
  details?: Record<string, unknown>;
}

/** The one error type of the API; `toResponse()` gives the one JSON error shape. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly type: ErrorType,
    readonly surface: ErrorSurface,
    message: string,
    readonly extra: { issues?: ErrorIssue[]; details?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = statusByType[type];
  }

  get code(): ErrorBody["code"] {
    return `${this.type}:${this.surface}`;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.extra.issues?.length) body.issues = this.extra.issues;
    if (this.extra.details) body.details = this.extra.details;
    return body;
  }

  toResponse(): Response {
    return Response.json(this.toBody(), { status: this.status, headers: this.extra.headers });
  }
}

/**
 * Turns zod issues into `{field, message}` pairs a user can act on: an unknown key is reported
 * under its own name; an issue about the whole input under `root` (`(body)`, `(query)`).
 */
export function issuesFromZod(error: z.ZodError, root = "(body)"): ErrorIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: [...path, key].join("."),
        message: "unknown field: not part of this request",
      }));
    }
    return [{ field: path.length ? path.join(".") : root, message: issue.message }];
  });
}

export function badRequest(message: string, issues?: ErrorIssue[], details?: Record<string, unknown>): ApiError {
  return new ApiError("bad_request", "api", message, { issues, details });
}

export function notFound(what: string): ApiError {
  return new ApiError("not_found", "api", `${what} was not found`);
}
