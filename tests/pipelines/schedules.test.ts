import { describe, expect, it } from "vitest";
import { startEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { listSchedules } from "@/lib/pipelines/schedules";
import { withTestDatabase } from "../helpers/with-test-database";
import { createTestClient, serveEndpoint, TEST_SIGNING_KEY } from "../executor/test-app";

const client = createTestClient("schedules-test");
const weekly = client.createFunction({ id: "weekly", triggers: [{ cron: "0 2 * * 0" }] }, async () => null);

withTestDatabase();

describe("listSchedules without Inngest configured", () => {
  it("needs the embedded executor", async () => {
    await expect(listSchedules()).rejects.toThrow(/embedded executor is not running/);
  });

  it("lists the executor's cron triggers, switched by SCHEDULES (off in tests)", async () => {
    await startEmbeddedExecutor({ endpoint: serveEndpoint(client, [weekly]), signingKey: TEST_SIGNING_KEY });
    const schedules = await listSchedules({ from: new Date("2026-08-05T00:00:00Z"), count: 2 });
    expect(schedules.map((s) => ({ ...s, nextRuns: s.nextRuns.map((d) => d.toISOString()) }))).toEqual([
      {
        functionId: "weekly",
        cron: "0 2 * * 0",
        timezone: "UTC",
        enabled: false,
        nextRuns: ["2026-08-09T02:00:00.000Z", "2026-08-16T02:00:00.000Z"],
      },
    ]);
  });
});
