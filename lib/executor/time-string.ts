const unitMs: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds of an Inngest time string such as `"300ms"` or `"2h45m"` (SDK spec 1.3.2). */
export function parseTimeString(value: string): number {
  const parts = [...value.trim().matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/g)];
  const consumed = parts.map((p) => p[0]).join("");
  if (parts.length === 0 || consumed !== value.trim()) {
    throw new Error(`"${value}" is not a time string (expected e.g. "30s", "2h45m")`);
  }
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * unitMs[unit], 0);
}

/**
 * When a Sleep op ends: its value is either an ISO 8601 date (`step.sleepUntil`) or a time
 * string (`step.sleep`), counted from `now`.
 */
export function sleepUntil(value: string, now: Date): Date {
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const at = Date.parse(value);
    if (Number.isNaN(at)) throw new Error(`"${value}" is not a valid ISO 8601 date`);
    return new Date(at);
  }
  return new Date(now.getTime() + parseTimeString(value));
}
