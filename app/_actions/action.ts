import { headers } from "next/headers";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { ApiError, issuesFromZod, type ErrorIssue } from "@/lib/api/errors";
import { authorizeDashboardAction } from "@/lib/api/protection";
import { EventValidationError } from "@/lib/executor/event-input";

/** What every dashboard server action answers: its data, or an error a person can read. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; issues?: ErrorIssue[] };

/** Any thrown error as a failed result; the message is shown to the user as it is. */
export function failure(error: unknown): { ok: false; error: string; issues?: ErrorIssue[] } {
  if (error instanceof ApiError) return { ok: false, error: error.message, issues: error.extra.issues };
  if (error instanceof EventValidationError) return { ok: false, error: error.message, issues: error.issues };
  if (error instanceof z.ZodError) {
    const issues = issuesFromZod(error, "(input)");
    return { ok: false, error: issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues };
  }
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}

export interface ActionContext {
  db: Database;
  headers: Headers;
}

/**
 * A dashboard server action, as `handle()` is a route: the caller is authorised first when the
 * action changes state (the API's rule: API_KEY session or loopback), then the input is parsed with
 * `input`, then `fn` runs with the database; every error comes back as a readable failure.
 */
export function action<S extends z.ZodType, T>(
  options: { input: S; changesState: boolean },
  fn: (input: z.output<S>, context: ActionContext) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      const requestHeaders = await headers();
      if (options.changesState) authorizeDashboardAction(requestHeaders);
      const parsed = options.input.parse(input);
      return { ok: true, data: await fn(parsed, { db: await getDb(), headers: requestHeaders }) };
    } catch (error) {
      return failure(error);
    }
  };
}
