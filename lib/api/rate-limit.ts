import { ApiError } from "./errors";

export interface RateLimitOptions {
  /** Requests a client may make in a burst. */
  capacity: number;
  /** Requests regained per second, up to `capacity`. */
  refillPerSecond: number;
  /** Clients remembered at most; idle (full) buckets are dropped first. */
  maxClients?: number;
  now?: () => number;
}

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** A token bucket per client key, in memory (one process; behind several, limit at the proxy too). */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  take(key: string): RateLimitDecision {
    const { capacity, refillPerSecond } = this.options;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    const tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    // Re-inserting keeps the map in least-recently-used order for pruning.
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    this.prune(now);
    return { allowed: true, remaining: Math.floor(tokens - 1) };
  }

  /** Forgets every client (tests; a restart does the same). */
  reset(): void {
    this.buckets.clear();
  }

  private prune(now: number): void {
    const max = this.options.maxClients ?? 10_000;
    if (this.buckets.size <= max) return;
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.options.refillPerSecond >= this.options.capacity)
        this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= max) break;
      this.buckets.delete(key);
    }
  }
}

/** Throws 429 with Retry-After when `key` has no request left. */
export function enforceRateLimit(limiter: RateLimiter, key: string): void {
  const decision = limiter.take(key);
  if (decision.allowed) return;
  throw new ApiError(
    "rate_limited",
    "api",
    `Too many state-changing requests; retry in ${decision.retryAfterSeconds} s`,
    {
      details: {
        retryAfterSeconds: decision.retryAfterSeconds,
        limit: limiter.options.capacity,
        refillPerSecond: limiter.options.refillPerSecond,
      },
      headers: { "Retry-After": String(decision.retryAfterSeconds) },
    },
  );
}
