import { AsyncLocalStorage } from "node:async_hooks";

/** The step whose code is running, set around every step handler by the run-log middleware. */
export const stepContext = new AsyncLocalStorage<{ stepId: string; name: string }>();
