import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { envSchema, parseEnv } from "@/lib/env";
import { inngestMode } from "@/lib/pipelines/inngest-mode";
import { assertHostSupported } from "@/lib/server/host-requirements";
import { ROOT, runnerStage } from "./dockerfile";

// compose.yaml cannot be run here (no Docker engine): this checks what can be checked without one.

interface Service {
  image?: string;
  build?: string;
  command?: string;
  ports?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
const compose = parse(fs.readFileSync(path.join(ROOT, "compose.yaml"), "utf8")) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { app, db, inngest } = compose.services;

/** Values for the variables compose asks the user for, as `docker compose` would substitute them. */
const shell: Record<string, string> = {
  POSTGRES_PASSWORD: "app-password",
  INNGEST_POSTGRES_PASSWORD: "inngest-password",
  API_KEY: "0123456789abcdef0123",
  INNGEST_EVENT_KEY: "0a1b2c3d4e5f60718293",
  INNGEST_SIGNING_KEY: "a1b2c3d4e5f60718293a4b5c6d7e8f90",
};

/** Compose interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error}; an unset required variable throws. */
function interpolate(value: string): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    if (shell[name] !== undefined) return shell[name];
    if (kind === "-") return rest!;
    throw new Error(`${name} is required: ${rest}`);
  });
}

const appEnv = Object.fromEntries(Object.entries(app.environment!).map(([k, v]) => [k, interpolate(String(v))]));

describe("compose.yaml", () => {
  it("passes the app only variables lib/env.ts knows", () => {
    const known = Object.keys(envSchema.shape);
    expect(Object.keys(appEnv).filter((name) => !known.includes(name))).toEqual([]);
  });

  it("gives the app a configuration that validates and runs the pipelines on the self-hosted Inngest", () => {
    const e = parseEnv(appEnv);
    expect(() => assertHostSupported(e)).not.toThrow();
    expect(inngestMode(e)).toBe("inngest");
    expect(new URL(e.INNGEST_BASE_URL!).hostname).toBe("inngest");
    expect(new URL(e.DATABASE_URL!).hostname).toBe("db");
    expect(e.API_KEY).toBeDefined();
  });

  it("hands the app and the Inngest server the same event and signing keys, each a required variable", () => {
    for (const key of ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) {
      expect(app.environment![key]).toMatch(new RegExp(`^\\$\\{${key}:\\?`));
      expect(inngest.environment![key]).toBe(app.environment![key]);
    }
    // `inngest start` wants the signing key as hex with an even number of digits.
    expect(interpolate(inngest.environment!.INNGEST_SIGNING_KEY)).toMatch(/^([0-9a-f]{2})+$/);
  });

  it("runs `inngest start` from Inngest's image on its own Postgres and Redis, syncing the app's serve route", () => {
    expect(inngest.image).toMatch(/^inngest\/inngest(:|$)/);
    const port = runnerStage().env.PORT;
    expect(inngest.command).toMatch(new RegExp(`^inngest start --sdk-url http://app:${port}/api/inngest\\b`));
    const postgresUri = new URL(interpolate(inngest.environment!.INNGEST_POSTGRES_URI));
    const redisUri = new URL(interpolate(inngest.environment!.INNGEST_REDIS_URI));
    expect(compose.services[postgresUri.hostname].image).toMatch(/^postgres:/);
    expect(compose.services[redisUri.hostname].image).toMatch(/^redis:/);
    expect(postgresUri.hostname).not.toBe("db");
  });

  it("keeps both databases and Redis on named volumes, and starts the app after healthy dependencies", () => {
    const volumeOf = (name: string) => compose.services[name].volumes?.[0]?.split(":")[0];
    for (const name of ["db", "inngest-db", "redis"]) expect(Object.keys(compose.volumes)).toContain(volumeOf(name));
    expect(db.healthcheck?.test.join(" ")).toContain("pg_isready");
    expect(app.build).toBe(".");
    expect(app.depends_on).toEqual({ db: { condition: "service_healthy" }, inngest: { condition: "service_healthy" } });
  });
});
