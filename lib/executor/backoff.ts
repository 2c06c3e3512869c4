/** Delay before retry `attempt` (1 = first retry), in milliseconds. */
export type Backoff = (attempt: number) => number;

/**
 * Exponential backoff with jitter: about 1 s, 2 s, 4 s… capped at 5 minutes. `baseMs` lets
 * tests keep retries fast.
 */
export function exponentialBackoff(baseMs = 1000, maxMs = 300_000): Backoff {
  return (attempt) => {
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  };
}

/** The wait before a retry: the SDK's Retry-After when it gave one, else the backoff. */
export function retryDelay(backoff: Backoff, attempt: number, retryAfter?: Date, now = Date.now()): number {
  if (retryAfter) return Math.max(0, retryAfter.getTime() - now);
  return backoff(attempt);
}
