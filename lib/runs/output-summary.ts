const MAX_LENGTH = 200;

/**
 * A one-line description of a step or run output for the dashboard: short values as JSON,
 * long ones cut at 200 characters, lists and objects by their size.
 */
export function summarizeOutput(value: unknown, maxLength = MAX_LENGTH): string | null {
  if (value === undefined) return null;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  if (text.length <= maxLength) return text;
  const size = Array.isArray(value)
    ? `array of ${value.length}`
    : value && typeof value === "object"
      ? `object with keys ${Object.keys(value).slice(0, 8).join(", ")}`
      : `${text.length} characters`;
  const prefix = `${size}: `;
  return `${prefix}${text.slice(0, Math.max(0, maxLength - prefix.length - 1))}…`;
}
