import type { InngestFunction } from "inngest";
import { etl } from "./etl";
import { predictions } from "./predictions";
import { scoring } from "./scoring";
import { training } from "./training";

/** Every function the app serves (one file per function in inngest/). */
export const functions: InngestFunction.Any[] = [etl, training, predictions, scoring];
