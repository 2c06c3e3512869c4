import os from "node:os";
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "postgres:" || u.protocol === "postgresql:") && u.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a postgres:// or postgresql:// URL with a host, e.g. postgres://user@127.0.0.1:5432/db");

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^/\s]+/.test(v), "must be an http:// or https:// URL")
  .transform((v) => v.replace(/\/+$/, ""));

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const positiveInt = z.coerce.number().int().positive();

const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

/** Every environment variable the project reads, with its default. The README lists the same. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  // Unset: `transaction` when DATABASE_URL is a known pooled endpoint (db/pool-settings.ts), else `session`.
  DATABASE_POOL_MODE: z.preprocess(emptyAsUndefined, z.enum(["session", "transaction"]).optional()),
  // Unset: 10 connections, or 3 on a serverless host, where every instance opens its own pool.
  DATABASE_POOL_MAX: z.preprocess(emptyAsUndefined, positiveInt.max(100).optional()),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  DATA_SOURCE: z.enum(["auto", "bundled", "live"]).default("auto"),
  FOOTBALL_DATA_CO_UK_BASE_URL: httpUrl.default("https://www.football-data.co.uk/mmz4281"),
  FOOTBALL_DATA_CO_UK_FIXTURES_URL: httpUrl.default("https://www.football-data.co.uk/fixtures.csv"),
  FOOTBALL_DATA_ORG_BASE_URL: httpUrl.default("https://api.football-data.org/v4"),
  FOOTBALL_DATA_ORG_TOKEN: z.preprocess(emptyAsUndefined, z.string().trim().min(1).optional()),
  HTTP_TIMEOUT_MS: positiveInt.default(15_000),
  MODEL_ENGINE: z.enum(["forest", "ml-random-forest"]).default("forest"),
  FOREST_WORKERS: positiveInt.max(64).default(Math.max(1, os.availableParallelism?.() ?? os.cpus().length)),
  INNGEST_EVENT_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  INNGEST_SIGNING_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  INNGEST_DEV: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  INNGEST_BASE_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  API_KEY: z.preprocess(emptyAsUndefined, z.string().min(16, "must be at least 16 characters").optional()),
  BOOTSTRAP: z.enum(["auto", "off"]).default("auto"),
  SCHEDULES: z.preprocess(emptyAsUndefined, flag.default(true)),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  // Set by the platforms, not by us: they mark a serverless host (no long-lived process, read-only files).
  VERCEL: z.preprocess(emptyAsUndefined, z.string().optional()),
  AWS_LAMBDA_FUNCTION_NAME: z.preprocess(emptyAsUndefined, z.string().optional()),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super("Invalid environment configuration:\n" + issues.map((i) => `  ${i.variable}: ${i.message}`).join("\n"));
    this.name = "EnvError";
  }
}

/** Validates a set of variables; throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? "environment");
      const value = source[variable];
      const secret = /TOKEN|KEY/.test(variable);
      const shown = secret ? "(hidden)" : JSON.stringify(value?.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@"));
      return { variable, message: `${issue.message} (got ${shown})` };
    }),
  );
}

/** The platform variable that marks a serverless host, or undefined on a host with a long-lived process. */
export function serverlessHost(e: Pick<Env, "VERCEL" | "AWS_LAMBDA_FUNCTION_NAME">): string | undefined {
  if (e.VERCEL) return "VERCEL";
  if (e.AWS_LAMBDA_FUNCTION_NAME) return "AWS_LAMBDA_FUNCTION_NAME";
  return undefined;
}

let cached: Env | undefined;

/** The process environment, validated once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env; this forgets the validated copy. */
export function resetEnvCache(): void {
  cached = undefined;
}
