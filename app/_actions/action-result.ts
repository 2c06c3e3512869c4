import { ZodError } from "zod";
import { ApiError, issuesFromZod, type ErrorIssue } from "@/lib/api/errors";
import { EventValidationError } from "@/lib/executor/event-input";

/** What every dashboard server action answers: its data, or an error a person can read. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; issues?: ErrorIssue[] };

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });

/** Any thrown error as a failed result; the message is shown to the user as it is. */
export function failure(error: unknown): { ok: false; error: string; issues?: ErrorIssue[] } {
  if (error instanceof ApiError) return { ok: false, error: error.message, issues: error.extra.issues };
  if (error instanceof EventValidationError) return { ok: false, error: error.message, issues: error.issues };
  if (error instanceof ZodError) {
    const issues = issuesFromZod(error);
    return { ok: false, error: issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues };
  }
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
