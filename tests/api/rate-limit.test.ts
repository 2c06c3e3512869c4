import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { enforceRateLimit, RateLimiter } from "@/lib/api/rate-limit";

function clock(start = 0) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe("RateLimiter", () => {
  it("allows a burst of `capacity`, then one request per 1/refill seconds", () => {
    const c = clock();
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 0.5, now: c.now });
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, true]);
    // Empty: the next token comes after 2 s.
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 2 });
    c.t = 1_500;
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    c.t = 2_000;
    expect(limiter.take("a")).toEqual({ allowed: true, remaining: 0 });
    // Another client has its own bucket.
    expect(limiter.take("b")).toEqual({ allowed: true, remaining: 2 });
  });

  it("never holds more than `capacity` however long a client was away", () => {
    const c = clock();
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 1, now: c.now });
    limiter.take("a");
    c.t = 3_600_000;
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, false]);
  });

  it("forgets idle clients first when it holds too many", () => {
    const c = clock();
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 1, maxClients: 2, now: c.now });
    limiter.take("idle");
    c.t = 5_000;
    limiter.take("busy");
    limiter.take("new");
    // "idle" was full again and dropped; "busy" is still empty.
    expect(limiter.take("busy").allowed).toBe(false);
    expect(limiter.take("idle").allowed).toBe(true);
  });

  it("turns a refusal into a 429 with Retry-After", () => {
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 0.1, now: () => 0 });
    enforceRateLimit(limiter, "a");
    let error: unknown;
    try {
      enforceRateLimit(limiter, "a");
    } catch (e) {
      error = e;
    }
    const response = (error as ApiError).toResponse();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("10");
  });
});
