import { beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as status } from "@/app/api/status/route";
import { teams } from "@/db/schema";
import { withTestDatabase } from "../helpers/with-test-database";

const ctx = withTestDatabase();

beforeAll(async () => {
  await ctx.handle.db.insert(teams).values([{ name: "Arsenal" }, { name: "Chelsea" }]);
});

describe("GET /api/health and /api/status", () => {
  it("health answers without the database", async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe("ok");
  });

  it("status reports the database driver, latency, migration and counts", async () => {
    const response = await status(new Request("http://localhost/api/status"), undefined);
    expect(response.status).toBe(200);
    const body = await response.json();
    // No executor runs in this test process: reported as down, the endpoint still answers.
    expect(body.components.executor).toMatchObject({ status: "down", mode: "embedded" });
    expect(body.status).toBe("degraded");
    expect(body.components.model).toEqual({ status: "missing" });
    expect(body.components.inngest).toEqual({ status: "not_configured" });
    const db = body.components.database;
    expect(db.status).toBe("up");
    expect(db.driver).toBe(process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
    expect(db.latencyMs).toBeGreaterThanOrEqual(0);
    expect(db.migration.tag).toMatch(/^\d{4}_/);
    expect(db.migration.pending).toBe(0);
    expect(db.counts.teams).toBe(2);
    expect(db.counts.matches).toBe(0);
  });

  it("reports a database that cannot be opened as down, still with 200", async () => {
    const { getDatabaseStatus } = await import("@/lib/system/database-status");
    const result = await getDatabaseStatus(() => Promise.reject(new Error("connection refused")));
    expect(result).toEqual({ status: "down", driver: null, error: "connection refused" });
  });
});
