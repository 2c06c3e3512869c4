import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("environment", () => {
  it("applies the documented defaults", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.PGLITE_DIR).toBe(".data/pglite");
    expect(e.DATA_SOURCE).toBe("auto");
    expect(e.FOOTBALL_DATA_CO_UK_FIXTURES_URL).toBe("https://www.football-data.co.uk/fixtures.csv");
    expect(e.MODEL_ENGINE).toBe("forest");
    expect(e.FOOTBALL_DATA_CO_UK_BASE_URL).toBe("https://www.football-data.co.uk/mmz4281");
    expect(e.BOOTSTRAP).toBe("auto");
    expect(e.SCHEDULES).toBe(true);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable of a malformed DATABASE_URL and hides its password", () => {
    let caught: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://me:secret@host/db" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const error = caught as EnvError;
    expect(error.issues.map((i) => i.variable)).toEqual(["DATABASE_URL"]);
    expect(error.message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    expect(error.message).not.toContain("secret");
  });

  it("lists every bad variable at once", () => {
    expect(() => parseEnv({ DATA_SOURCE: "ftp", HTTP_TIMEOUT_MS: "-5", API_KEY: "short" })).toThrow(
      /DATA_SOURCE[\s\S]*HTTP_TIMEOUT_MS[\s\S]*API_KEY/,
    );
  });

  it("accepts a postgres URL and strips a trailing slash from base URLs", () => {
    const e = parseEnv({
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test",
      FOOTBALL_DATA_CO_UK_BASE_URL: "http://127.0.0.1:9999/mmz4281/",
    });
    expect(e.DATABASE_URL).toBe("postgres://postgres@127.0.0.1:5432/test");
    expect(e.FOOTBALL_DATA_CO_UK_BASE_URL).toBe("http://127.0.0.1:9999/mmz4281");
  });

  it("reads the pool settings, leaving them unset for detection and the host's default", () => {
    const unset = parseEnv({});
    expect(unset.DATABASE_POOL_MODE).toBeUndefined();
    expect(unset.DATABASE_POOL_MAX).toBeUndefined();
    expect(parseEnv({ DATABASE_POOL_MODE: "transaction", DATABASE_POOL_MAX: "3" })).toMatchObject({
      DATABASE_POOL_MODE: "transaction",
      DATABASE_POOL_MAX: 3,
    });
    expect(() => parseEnv({ DATABASE_POOL_MODE: "statement", DATABASE_POOL_MAX: "0" })).toThrow(
      /DATABASE_POOL_MODE: [^\n]*"statement"[\s\S]*DATABASE_POOL_MAX/,
    );
  });
});
