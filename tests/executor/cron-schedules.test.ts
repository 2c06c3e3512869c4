import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { nextCronRuns, parseCron } from "@/lib/executor/cron-schedules";
import { startEmbeddedExecutor, stopEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { listRuns } from "@/lib/runs/run-queries";
import { withTestDatabase } from "../helpers/with-test-database";
import { createTestClient, eventually, serveEndpoint, TEST_SIGNING_KEY } from "./test-app";

const client = createTestClient("cron-test");
const nightly = client.createFunction(
  {
    id: "nightly",
    triggers: [{ event: "test/nightly" }, { cron: "0 3 * * *" }, { cron: "TZ=Europe/London 30 9 * * 1" }],
  },
  async () => "ran",
);
// Croner accepts a seconds field, which lets a test see a schedule fire within a second.
const everySecond = client.createFunction(
  { id: "every-second", triggers: [{ cron: "* * * * * *" }] },
  async ({ event }) => event.data,
);

withTestDatabase();
afterEach(() => stopEmbeddedExecutor());

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("cron schedules", () => {
  it("computes next run times in UTC unless the cron names a time zone", () => {
    const from = new Date("2026-03-28T12:00:00Z");
    expect(iso(nextCronRuns("0 3 * * *", from, 3))).toEqual([
      "2026-03-29T03:00:00.000Z",
      "2026-03-30T03:00:00.000Z",
      "2026-03-31T03:00:00.000Z",
    ]);
    // 09:30 in London is 09:30 UTC before the clocks go forward on 29 March 2026, 08:30 UTC after.
    expect(iso(nextCronRuns("TZ=Europe/London 30 9 * * 1", new Date("2026-03-20T00:00:00Z"), 2))).toEqual([
      "2026-03-23T09:30:00.000Z",
      "2026-03-30T08:30:00.000Z",
    ]);
    expect(parseCron("CRON_TZ=America/New_York 0 0 1 * *")).toEqual({
      pattern: "0 0 1 * *",
      timezone: "America/New_York",
    });
    expect(() => nextCronRuns("61 * * * *", from, 1)).toThrow();
  });

  it("lists each function's cron triggers with their next runs, enabled only when schedules are on", async () => {
    const executor = await startEmbeddedExecutor({
      endpoint: serveEndpoint(client, [nightly]),
      signingKey: TEST_SIGNING_KEY,
      schedules: false,
    });
    const schedules = await executor.schedules(new Date("2026-07-01T04:00:00Z"), 2);
    expect(schedules.map((s) => ({ ...s, nextRuns: iso(s.nextRuns) }))).toEqual([
      {
        functionId: "nightly",
        cron: "0 3 * * *",
        timezone: "UTC",
        enabled: false,
        nextRuns: ["2026-07-02T03:00:00.000Z", "2026-07-03T03:00:00.000Z"],
      },
      {
        functionId: "nightly",
        cron: "TZ=Europe/London 30 9 * * 1",
        timezone: "Europe/London",
        enabled: false,
        nextRuns: ["2026-07-06T08:30:00.000Z", "2026-07-13T08:30:00.000Z"],
      },
    ]);
  });

  it("starts a run with trigger cron when a schedule fires, and none when schedules are off", async () => {
    await startEmbeddedExecutor({
      endpoint: serveEndpoint(client, [everySecond]),
      signingKey: TEST_SIGNING_KEY,
      schedules: false,
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await listRuns({ db: await getDb(), functionId: "every-second", page: 1, pageSize: 10 })).total).toBe(0);

    const executor = await startEmbeddedExecutor({
      endpoint: serveEndpoint(client, [everySecond]),
      signingKey: TEST_SIGNING_KEY,
      schedules: true,
    });
    const run = await eventually(
      async () => (await listRuns({ db: await getDb(), functionId: "every-second", page: 1, pageSize: 10 })).rows[0],
      5000,
    );
    await executor.stop();
    expect(run).toMatchObject({
      trigger: "cron",
      eventName: "inngest/scheduled.timer",
      params: { cron: "* * * * * *" },
    });
  });
});
