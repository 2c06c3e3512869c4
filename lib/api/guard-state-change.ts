import { REMOTE_ADDRESS_HEADER } from "@/lib/server/remote-address";
import { authorizeStateChange, presentsApiKey, rejectCrossSiteRequest } from "./protection";
import { enforceRateLimit, RateLimiter } from "./rate-limit";
import { processSlot } from "@/lib/process-slot";

/** Per client: a burst of 30 state-changing requests, then one every 2 s. */
export const STATE_CHANGE_RATE = { capacity: 30, refillPerSecond: 0.5 } as const;

// Next.js may load this module once per route bundle, and the limit is per process.
const limiter = processSlot<RateLimiter>("state-change-limiter");

export function stateChangeLimiter(): RateLimiter {
  return limiter.getOrCreate(() => new RateLimiter(STATE_CHANGE_RATE));
}

/** Who is asking, for the rate limit and the registry's history: the API key, else the socket's address. */
export function clientOf(headers: Headers): string {
  if (presentsApiKey(headers)) return "api-key";
  return `address ${headers.get(REMOTE_ADDRESS_HEADER) || "unknown"}`;
}

/**
 * Every state-changing route runs this first: cross-site browser requests refused (403), then the
 * client's rate limit (429, counted before the key check so that guessing keys is slowed too),
 * then the key or loopback rule (401/403). Returns the client, e.g. for an audit trail.
 */
export function guardStateChange(headers: Headers): { client: string } {
  rejectCrossSiteRequest(headers);
  const client = clientOf(headers);
  enforceRateLimit(stateChangeLimiter(), client);
  authorizeStateChange(headers);
  return { client };
}
