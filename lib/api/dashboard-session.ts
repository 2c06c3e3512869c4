import { createHmac } from "node:crypto";
import { sameSecret } from "./same-secret";

/** The cookie that proves the browser was given the API key (set by the dashboard's unlock form). */
export const DASHBOARD_SESSION_COOKIE = "pl_dashboard_session";

/** The cookie's value for a key: an HMAC, so the key itself never sits in the browser. */
export function dashboardSessionToken(apiKey: string): string {
  return createHmac("sha256", apiKey).update("pl-mlops dashboard session v1").digest("base64url");
}

/** Whether the request carries the session cookie for this key. */
export function hasDashboardSession(headers: Headers, apiKey: string): boolean {
  const cookie = headers.get("cookie") ?? "";
  const value = cookie
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === DASHBOARD_SESSION_COOKIE)?.[1];
  return value !== undefined && sameSecret(decodeURIComponent(value), dashboardSessionToken(apiKey));
}
