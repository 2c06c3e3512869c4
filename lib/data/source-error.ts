/**
 * A source could not be read: unreachable, timed out, or answered with an error status. The
 * message names the URL (or file) and says what happened; `retriable` says whether trying again
 * later may help (network errors, timeouts, 5xx, 429) or not (404, 403, a malformed file).
 */
export class SourceError extends Error {
  readonly location: string;
  readonly status: number | null;
  readonly retriable: boolean;
  /** No answer at all: the host did not resolve or connect, or nothing came back in time. */
  readonly unreachable: boolean;
  constructor(
    location: string,
    message: string,
    options: { status?: number | null; retriable: boolean; unreachable?: boolean; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "SourceError";
    this.location = location;
    this.status = options.status ?? null;
    this.retriable = options.retriable;
    this.unreachable = options.unreachable ?? false;
  }
}

/** A file that arrived but is not what it should be (empty, an HTML page, a wrong header). */
export class FileFormatError extends SourceError {
  constructor(location: string, message: string) {
    super(location, `${location}: ${message}`, { retriable: false });
    this.name = "FileFormatError";
  }
}

/** football-data.org refused the token (401/403). */
export class SourceAuthError extends SourceError {
  constructor(location: string, message: string, status: number) {
    super(location, message, { status, retriable: false });
    this.name = "SourceAuthError";
  }
}
