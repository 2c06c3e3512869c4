import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { isLoopbackAddress, REMOTE_ADDRESS_HEADER } from "@/lib/server/remote-address";
import { ApiError } from "./errors";

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the key.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Guards every state-changing route. With API_KEY set: `Authorization: Bearer <key>` or 401.
 * Without it (the embedded default): loopback callers only, else 403.
 */
export function authorizeStateChange(headers: Headers): void {
  const key = env().API_KEY;
  if (key) {
    const match = /^Bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "");
    if (!match || !sameSecret(match[1].trim(), key)) {
      throw new ApiError("unauthorized", "auth", "This route changes state: send Authorization: Bearer <API_KEY>", {
        headers: { "WWW-Authenticate": 'Bearer realm="pl-mlops"' },
      });
    }
    return;
  }
  if (!isLoopbackAddress(headers.get(REMOTE_ADDRESS_HEADER))) {
    throw new ApiError(
      "forbidden",
      "auth",
      "This route changes state and API_KEY is not set, so it accepts requests from this machine (loopback) only",
    );
  }
}

/**
 * Guards the dashboard's server actions: the server holds the key, so with API_KEY set they are
 * allowed (put the dashboard itself behind your access control); without it, loopback only.
 */
export function authorizeDashboardAction(headers: Headers): void {
  if (env().API_KEY) return;
  authorizeStateChange(headers);
}

/** True when API_KEY is set and the request carries it as its bearer token. */
export function presentsApiKey(headers: Headers): boolean {
  const key = env().API_KEY;
  if (!key) return false;
  const match = /^Bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "");
  return !!match && sameSecret(match[1].trim(), key);
}

/**
 * Without API_KEY, loopback is the only credential, and a page on any site the user visits can
 * make the browser POST to localhost. Browsers name the page's origin on such requests: one that
 * is not this server's is refused. (With API_KEY a page cannot attach the key, so no check.)
 */
export function rejectCrossSiteRequest(headers: Headers): void {
  if (env().API_KEY) return;
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  let sameOrigin = origin === null;
  if (origin !== null && host) {
    try {
      sameOrigin = new URL(origin).host === host;
    } catch {
      sameOrigin = false;
    }
  }
  if (!sameOrigin || headers.get("sec-fetch-site") === "cross-site") {
    throw new ApiError("forbidden", "auth", `Cross-site request refused (Origin ${origin ?? "unknown"}): state-changing routes accept same-origin or non-browser clients`);
  }
}
