import type { EventInput } from "@/lib/executor/event-input";
import type { DispatchOptions, DispatchResult } from "@/lib/executor/runner";
import { currentRunner } from "./current-runner";

export type { DispatchOptions, DispatchResult };

/**
 * The one way the project sends events, through this process's runner. Without Inngest
 * configured, the embedded executor queues a run per triggered function and returns their ids.
 * With Inngest, the events go to its event API; run ids are then known only for runs found by
 * `dedupe` (Inngest assigns the others when it starts them), so callers get the event ids too.
 *
 * `dedupe: true` returns the queued or running run of each target function instead of starting
 * another: ten concurrent manual triggers give one run. Bad events throw EventValidationError.
 */
export async function dispatch(
  event: EventInput | EventInput[],
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  return currentRunner().dispatch(event, options);
}
