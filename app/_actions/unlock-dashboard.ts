"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";
import { DASHBOARD_SESSION_COOKIE, dashboardSessionToken } from "@/lib/api/dashboard-session";
import { clientOf, stateChangeLimiter } from "@/lib/api/guard-state-change";
import { enforceRateLimit } from "@/lib/api/rate-limit";
import { sameSecret } from "@/lib/api/same-secret";
import { env } from "@/lib/env";
import { failure, ok, type ActionResult } from "./action-result";

/**
 * With API_KEY set, the dashboard's buttons work only in a browser that proved the key once: this
 * checks it (rate-limited like every state change, so guessing is slow) and sets an HttpOnly,
 * same-site session cookie holding an HMAC of the key, never the key itself.
 */
export async function unlockDashboard(key: string): Promise<ActionResult<{ unlocked: true }>> {
  try {
    const requestHeaders = await headers();
    enforceRateLimit(stateChangeLimiter(), clientOf(requestHeaders));
    const expected = env().API_KEY;
    if (!expected) return ok({ unlocked: true });
    if (!sameSecret(z.string().max(1_000).parse(key), expected)) return { ok: false, error: "That is not the API key" };
    (await cookies()).set(DASHBOARD_SESSION_COOKIE, dashboardSessionToken(expected), {
      httpOnly: true,
      sameSite: "strict",
      path: "/",
      secure: requestHeaders.get("x-forwarded-proto") === "https",
      maxAge: 60 * 60 * 12,
    });
    return ok({ unlocked: true });
  } catch (error) {
    return failure(error);
  }
}

/** Forgets this browser's dashboard session. */
export async function lockDashboard(): Promise<ActionResult<{ unlocked: false }>> {
  (await cookies()).delete(DASHBOARD_SESSION_COOKIE);
  return ok({ unlocked: false });
}
