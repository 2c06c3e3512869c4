import { z } from "zod";

/** Inngest's default when a function sets no `retries` (SDK spec 4.3.2: 4 attempts). */
export const DEFAULT_RETRIES = 3;

const concurrencyOption = z.object({ limit: z.number(), key: z.string().optional() }).loose();

// The registration payload of one function (SDK spec 4.3.2), as much of it as the executor uses.
const configSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    triggers: z.array(
      z.union([z.object({ event: z.string(), expression: z.string().optional() }), z.object({ cron: z.string() })]),
    ),
    steps: z.record(
      z.string(),
      z.object({ retries: z.object({ attempts: z.number().optional() }).optional() }).loose(),
    ),
    concurrency: z.union([z.number(), concurrencyOption, z.array(concurrencyOption)]).optional(),
  })
  .loose();

// Options Inngest honours that this single-process runner does not.
const unsupportedOptions = [
  "batchEvents",
  "debounce",
  "rateLimit",
  "throttle",
  "cancel",
  "idempotency",
  "singleton",
  "timeouts",
  "priority",
];

/** A served function as the embedded executor runs it. */
export interface ExecutorFunction {
  /** The function's own id (`etl`), as runs record it. */
  id: string;
  /** The composite id the serve handler routes by (`<app id>-etl`). */
  slug: string;
  name: string;
  events: { event: string; expression?: string }[];
  crons: string[];
  /** Attempts per step and per run: retries + 1. */
  maxAttempts: number;
  /** Runs of this function driven at once; null for no limit. */
  concurrency: number | null;
  /** Configured options the embedded executor ignores (logged at startup). */
  ignored: string[];
}

/** Parses the functions of an in-band sync. Throws naming the function and field that is wrong. */
export function parseFunctionConfigs(appId: string, raw: unknown[]): ExecutorFunction[] {
  return raw.map((item, index) => {
    const result = configSchema.safeParse(item);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`Function config #${index} is invalid at ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    }
    const config = result.data;
    const retries = config.steps.step?.retries?.attempts ?? DEFAULT_RETRIES;
    const prefix = `${appId}-`;
    const record = config as Record<string, unknown>;
    return {
      id: config.id.startsWith(prefix) ? config.id.slice(prefix.length) : config.id,
      slug: config.id,
      name: config.name ?? config.id,
      events: config.triggers.flatMap((t) => ("event" in t ? [t] : [])),
      crons: config.triggers.flatMap((t) => ("cron" in t ? [t.cron] : [])),
      maxAttempts: Math.max(1, retries + 1),
      concurrency: concurrencyLimit(config.concurrency),
      ignored: unsupportedOptions.filter((key) => record[key] !== undefined && record[key] !== null),
    };
  });
}

// Keyed limits cannot be split by key here, so each counts as a limit on the whole function:
// the strictest one wins, which never runs more than Inngest would.
function concurrencyLimit(value: z.infer<typeof configSchema>["concurrency"]): number | null {
  if (value === undefined) return null;
  const limits = (Array.isArray(value) ? value : [value])
    .map((v) => (typeof v === "number" ? v : v.limit))
    .filter((n) => n > 0);
  return limits.length ? Math.min(...limits) : null;
}
