import { env } from "@/lib/env";
import { SourceError } from "./source-error";

export interface FetchOptions {
  /** Limit for one attempt, headers and body together; default HTTP_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Attempts after the first one; default 3. */
  retries?: number;
  /** First wait between attempts, doubled each time; default 500 ms. */
  backoffMs?: number;
  /** Longest wait a 429's Retry-After may ask for; default 60 s. */
  maxRetryAfterMs?: number;
  headers?: Record<string, string>;
  /** Told about each retry before its wait (progress lines, logs, tests). */
  onRetry?: (retry: { attempt: number; delayMs: number; reason: string }) => void;
}

export interface FetchedBody {
  url: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
  /** How many requests it took (1 = no retry). */
  attempts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function describe(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `no complete answer within ${timeoutMs} ms`;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}

/**
 * GETs a URL and reads its body, retrying network errors, timeouts, 5xx and 429 (honouring
 * Retry-After) with exponential backoff. Throws SourceError naming the URL: retriable when the
 * attempts ran out, not retriable for other 4xx statuses.
 */
export async function fetchBytes(url: string, options: FetchOptions = {}): Promise<FetchedBody> {
  const timeoutMs = options.timeoutMs ?? env().HTTP_TIMEOUT_MS;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  for (let attempt = 1; ; attempt++) {
    let reason: string;
    let status: number | null = null;
    let retryAfterMs: number | null = null;
    try {
      const signal = AbortSignal.timeout(timeoutMs);
      const response = await fetch(url, { headers: options.headers, signal, redirect: "follow" });
      status = response.status;
      if (response.ok) {
        const bytes = new Uint8Array(await response.arrayBuffer());
        return { url, status, contentType: response.headers.get("content-type"), bytes, attempts: attempt };
      }
      await response.body?.cancel().catch(() => {});
      reason = `HTTP ${status} ${response.statusText}`.trim();
      if (status === 429) {
        retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
        if (retryAfterMs !== null && retryAfterMs > maxRetryAfterMs) {
          const wait = Math.ceil(retryAfterMs / 1000);
          throw new SourceError(url, `${url} is rate limited: it asks to wait ${wait} s, more than we wait`, {
            status,
            retriable: true,
          });
        }
      } else if (status < 500) {
        throw new SourceError(url, `${url} answered ${reason}`, { status, retriable: false });
      }
    } catch (error) {
      if (error instanceof SourceError) throw error;
      reason = describe(error, timeoutMs);
      // A host name that does not resolve will not resolve in a few seconds either.
      if ((error as { cause?: { code?: string } }).cause?.code === "ENOTFOUND") {
        throw new SourceError(url, `Could not fetch ${url}: ${reason} (no such host)`, {
          retriable: false,
          unreachable: true,
          cause: error,
        });
      }
    }
    if (attempt > retries) {
      throw new SourceError(url, `Could not fetch ${url}: ${reason} (${attempt} attempt${attempt > 1 ? "s" : ""})`, {
        status,
        retriable: true,
        unreachable: status === null,
      });
    }
    const delayMs = retryAfterMs ?? backoffMs * 2 ** (attempt - 1);
    options.onRetry?.({ attempt, delayMs, reason });
    await sleep(delayMs);
  }
}
