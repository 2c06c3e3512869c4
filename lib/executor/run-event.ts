import type { PipelineRun } from "@/db/schema";
import type { InngestEvent } from "./protocol";

/** The event a run was started with, rebuilt from its row so that a resumed run sees the same input. */
export function eventOfRun(run: PipelineRun): InngestEvent {
  return {
    id: run.eventId ?? run.id,
    name: run.eventName ?? "inngest/function.invoked",
    data: run.params ?? {},
    ts: run.queuedAt.getTime(),
  };
}
