import { AsyncLocalStorage } from "node:async_hooks";

/** The step whose code is running, set around every step handler by the run-log middleware. */
// It carries the run id: a run started from inside another run's step (an event sent there)
// inherits that async context, and must not tag its own lines with the other run's step.
export const stepContext = new AsyncLocalStorage<{ runId: string; stepId: string; name: string }>();
