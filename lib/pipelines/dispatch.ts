import { inngest } from "@/inngest/client";
import type { DispatchOptions, DispatchResult } from "@/lib/executor/embedded-executor";
import { normalizeEvents, type EventInput } from "@/lib/executor/event-input";
import { getEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { matchesTrigger } from "@/lib/executor/trigger-match";
import { findActiveRuns } from "@/lib/runs/run-store";
import { inngestMode } from "./inngest-mode";
import { readServedFunctions } from "./served-functions";

export type { DispatchOptions, DispatchResult };

/**
 * The one way the project sends events. Without Inngest configured, the embedded executor of
 * this process queues a run per triggered function and returns their ids. With Inngest, the
 * events go through `inngest.send`; run ids are then known only for runs found by `dedupe`
 * (Inngest assigns the others when it starts them), so callers get the event ids as well.
 *
 * `dedupe: true` returns the queued or running run of each target function instead of starting
 * another: ten concurrent manual triggers give one run. Bad events throw EventValidationError.
 */
export async function dispatch(
  event: EventInput | EventInput[],
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  if (inngestMode() === "embedded") {
    const executor = getEmbeddedExecutor();
    if (!executor) throw new Error("No Inngest is configured and the embedded executor is not running in this process");
    return executor.dispatch(event, options);
  }
  return dispatchToInngest(event, options);
}

async function dispatchToInngest(input: EventInput | EventInput[], options: DispatchOptions): Promise<DispatchResult> {
  const events = normalizeEvents(input);
  const existingRunIds: string[] = [];
  let toSend = events;
  if (options.dedupe) {
    // Runs appear in pipeline_runs when Inngest starts them (the recorder middleware writes them).
    const functions = await readServedFunctions();
    toSend = [];
    for (const event of events) {
      const targets = functions.filter((fn) => fn.events.some((t) => matchesTrigger(t, event)));
      const active = await findActiveRuns({ functionIds: targets.map((fn) => fn.id) });
      const found = targets
        .map((fn) => active.find((r) => r.functionId === fn.id)?.id)
        .filter((id): id is string => !!id);
      existingRunIds.push(...found);
      if (targets.length === 0 || found.length < targets.length) toSend.push(event);
    }
  }
  const { ids } = toSend.length ? await inngest.send(toSend) : { ids: [] as string[] };
  return { executor: "inngest", eventIds: ids, runIds: existingRunIds, existingRunIds };
}
