import type { Logger } from "pino";
import { nextCronRuns } from "./cron-schedules";
import type { ExecutorFunction } from "./function-config";
import { isSupportedExpression } from "./trigger-match";

/**
 * Refuses a function with an invalid cron (naming it), and warns about configuration the
 * embedded executor does not honour: options such as debounce, and trigger expressions it
 * cannot evaluate (those triggers never fire here).
 */
export function checkServedFunctions(functions: readonly ExecutorFunction[], logger: Logger): void {
  for (const fn of functions) {
    for (const cron of fn.crons) {
      try {
        nextCronRuns(cron, new Date(), 1);
      } catch (error) {
        throw new Error(`Function "${fn.id}" has an invalid cron "${cron}": ${(error as Error).message}`);
      }
    }
    const expressions = fn.events
      .filter((t) => t.expression && !isSupportedExpression(t.expression))
      .map((t) => t.expression);
    if (expressions.length || fn.ignored.length) {
      logger.warn(
        { functionId: fn.id, ignoredOptions: fn.ignored, unsupportedExpressions: expressions },
        "the embedded executor ignores part of this function's configuration",
      );
    }
  }
}
