import type { InngestFunction } from "inngest";

/** Every function the app serves (one file per function in inngest/). */
export const functions: InngestFunction.Any[] = [];
