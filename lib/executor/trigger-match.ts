import type { InngestEvent } from "./protocol";

// The one expression shape the executor evaluates: `event.data.<path> == <literal>`, which is
// what the SDK itself generates for onFailure handlers. Full CEL needs Inngest.
const equalityExpression =
  /^\s*event\.data\.([\w.]+)\s*==\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)|(true|false))\s*$/;

/** Whether the embedded executor can evaluate a trigger's `if` expression. */
export function isSupportedExpression(expression: string): boolean {
  return equalityExpression.test(expression);
}

/** Whether `event` fires a trigger; an expression the executor cannot evaluate never matches. */
export function matchesTrigger(
  trigger: { event: string; expression?: string },
  event: Pick<InngestEvent, "name" | "data">,
): boolean {
  if (!eventNameMatches(trigger.event, event.name)) return false;
  if (!trigger.expression) return true;
  const match = equalityExpression.exec(trigger.expression);
  if (!match) return false;
  const [, path, single, double, number, bool] = match;
  const actual = path
    .split(".")
    .reduce<unknown>(
      (value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined),
      event.data,
    );
  if (single !== undefined || double !== undefined) return actual === (single ?? double);
  if (number !== undefined) return actual === Number(number);
  return actual === (bool === "true");
}

// Inngest allows a trailing wildcard in trigger names: `app/*` matches `app/user.created`.
function eventNameMatches(pattern: string, name: string): boolean {
  if (pattern.endsWith("*")) return name.startsWith(pattern.slice(0, -1));
  return pattern === name;
}
