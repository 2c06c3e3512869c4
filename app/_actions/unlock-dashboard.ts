"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { DASHBOARD_SESSION_COOKIE, dashboardSessionToken } from "@/lib/api/dashboard-session";
import { ApiError } from "@/lib/api/errors";
import { clientOf, stateChangeLimiter } from "@/lib/api/guard-state-change";
import { enforceRateLimit } from "@/lib/api/rate-limit";
import { sameSecret } from "@/lib/api/same-secret";
import { env } from "@/lib/env";
import { action } from "./action";

/**
 * With API_KEY set, the dashboard's buttons work only in a browser that proved the key once: this
 * checks it (rate-limited like every state change, so guessing is slow) and sets an HttpOnly,
 * same-site session cookie holding an HMAC of the key, never the key itself.
 */
export const unlockDashboard = action(
  { input: z.string().max(1_000), changesState: false },
  async (key, { headers }): Promise<{ unlocked: true }> => {
    enforceRateLimit(stateChangeLimiter(), clientOf(headers));
    const expected = env().API_KEY;
    if (!expected) return { unlocked: true };
    if (!sameSecret(key, expected)) throw new ApiError("unauthorized", "auth", "That is not the API key");
    (await cookies()).set(DASHBOARD_SESSION_COOKIE, dashboardSessionToken(expected), {
      httpOnly: true,
      sameSite: "strict",
      path: "/",
      secure: headers.get("x-forwarded-proto") === "https",
      maxAge: 60 * 60 * 12,
    });
    return { unlocked: true };
  },
);

/** Forgets this browser's dashboard session. */
export const lockDashboard = action(
  { input: z.undefined(), changesState: false },
  async (): Promise<{ unlocked: false }> => {
    (await cookies()).delete(DASHBOARD_SESSION_COOKIE);
    return { unlocked: false };
  },
);
