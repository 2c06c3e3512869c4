import type { Database } from "@/db/client";
import { findActiveRuns, functionsWithEvent } from "@/lib/runs/run-store";
import type { ExecutorFunction } from "./function-config";
import type { InngestEvent } from "./protocol";
import { matchesTrigger } from "./trigger-match";

export interface EventTargets {
  /** Functions that get a new run. */
  start: ExecutorFunction[];
  /** With dedupe: runs already queued or running for the other triggered functions. */
  existingRunIds: string[];
}

/**
 * Which functions an event starts. An event id is processed once per function (a re-sent event
 * is a no-op, as in Inngest); with `dedupe`, a function with a queued or running run keeps it.
 */
export async function eventTargets(
  db: Database,
  event: InngestEvent,
  functions: readonly ExecutorFunction[],
  dedupe: boolean,
): Promise<EventTargets> {
  const seen = new Set(await functionsWithEvent({ db, eventId: event.id }));
  const triggered = functions.filter((fn) => !seen.has(fn.id) && fn.events.some((t) => matchesTrigger(t, event)));
  if (!dedupe) return { start: triggered, existingRunIds: [] };
  const active = await findActiveRuns({ db, functionIds: triggered.map((fn) => fn.id) });
  const existing = new Map<string, string>();
  for (const run of active) if (!existing.has(run.functionId)) existing.set(run.functionId, run.id);
  return { start: triggered.filter((fn) => !existing.has(fn.id)), existingRunIds: [...existing.values()] };
}
