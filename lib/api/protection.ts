import { env } from "@/lib/env";
import { isLoopbackAddress, REMOTE_ADDRESS_HEADER } from "@/lib/server/remote-address";
import { hasDashboardSession } from "./dashboard-session";
import { ApiError } from "./errors";
import { sameSecret } from "./same-secret";

/**
 * Whether the Host names this machine (localhost, 127.x, [::1], any port). A page that rebinds
 * its own domain to 127.0.0.1 reaches the server from loopback, but under its own host name.
 */
export function isLoopbackHost(host: string | null): boolean {
  if (!host) return false;
  const name = host.trim().toLowerCase().replace(/:\d+$/, "");
  return name === "localhost" || name === "[::1]" || isLoopbackAddress(name);
}

/**
 * Guards every state-changing route. With API_KEY set: `Authorization: Bearer <key>` or 401.
 * Without it (the embedded default): loopback callers addressing a loopback host name only, else 403.
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
  if (!isLoopbackAddress(headers.get(REMOTE_ADDRESS_HEADER)) || !isLoopbackHost(headers.get("host"))) {
    throw new ApiError(
      "forbidden",
      "auth",
      "This route changes state and API_KEY is not set, so it accepts requests from this machine (loopback, to localhost or 127.0.0.1) only",
    );
  }
}

/**
 * Guards the dashboard's server actions. With API_KEY set, the browser must hold the session
 * cookie that the unlock form gives for the key (the server then acts with its own key); without
 * API_KEY, the loopback rule of the API.
 */
export function authorizeDashboardAction(headers: Headers): void {
  const key = env().API_KEY;
  if (!key) return authorizeStateChange(headers);
  if (!hasDashboardSession(headers, key)) {
    throw new ApiError(
      "unauthorized",
      "auth",
      "The dashboard is locked: enter the API key in the sidebar to change anything",
    );
  }
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
    throw new ApiError(
      "forbidden",
      "auth",
      `Cross-site request refused (Origin ${origin ?? "unknown"}): state-changing routes accept same-origin or non-browser clients`,
    );
  }
}
