import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pipelineRuns } from "@/db/schema";
import type { EmbeddedExecutor } from "@/lib/executor/embedded-executor";
import { EventValidationError } from "@/lib/executor/event-input";
import { startEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { withTestDatabase } from "../helpers/with-test-database";
import { createTestClient, eventually, gate, serveEndpoint, TEST_SIGNING_KEY } from "./test-app";

const client = createTestClient("dispatch-test");
const held = { active: 0, maxActive: 0, gate: gate() };

// Concurrency 1, and each run holds until the test opens the gate.
const serial = client.createFunction(
  { id: "serial", concurrency: { limit: 1 }, triggers: [{ event: "test/serial" }] },
  async ({ step, event }) => {
    return step.run("work", async () => {
      held.active += 1;
      held.maxActive = Math.max(held.maxActive, held.active);
      await held.gate.promise;
      held.active -= 1;
      return event.data;
    });
  },
);

const emitter = client.createFunction(
  { id: "emitter", triggers: [{ event: "test/emit" }] },
  async ({ step, event }) => {
    await step.sendEvent("announce", { name: "test/announced", data: { from: event.data.tag } });
    return "sent";
  },
);
const listener = client.createFunction(
  { id: "listener", triggers: [{ event: "test/announced" }] },
  async ({ event }) => event.data,
);

const ctx = withTestDatabase();
let executor: EmbeddedExecutor;

beforeAll(async () => {
  executor = await startEmbeddedExecutor({
    endpoint: serveEndpoint(client, [serial, emitter, listener]),
    signingKey: TEST_SIGNING_KEY,
  });
});
// Runs before withTestDatabase's teardown stops the executor (after-hooks run last-registered first).
afterAll(() => held.gate.open());

const runsOf = (functionId: string) =>
  ctx.handle.db.select().from(pipelineRuns).where(eq(pipelineRuns.functionId, functionId));

describe("dispatch", () => {
  it("gives ten concurrent dedupe dispatches one run, and queues further events behind the concurrency limit", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        executor.dispatch({ name: "test/serial", data: { n: 0 } }, { dedupe: true, trigger: "manual" }),
      ),
    );
    const ids = new Set(results.flatMap((r) => r.runIds));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.existingRunIds.length === 0)).toHaveLength(1);
    const [first] = ids;
    await eventually(async () => held.active === 1);
    expect(await runsOf("serial")).toHaveLength(1);

    const queued = await Promise.all([1, 2].map((n) => executor.dispatch({ name: "test/serial", data: { n } })));
    const queuedIds = queued.flatMap((r) => r.runIds);
    expect(queuedIds).toHaveLength(2);
    expect(queuedIds).not.toContain(first);
    const rows = await runsOf("serial");
    expect(rows.map((r) => r.status).sort()).toEqual(["queued", "queued", "running"]);
    expect(rows.find((r) => r.id === first)?.trigger).toBe("manual");

    held.gate.open();
    const finished = await Promise.all([first, ...queuedIds].map((id) => executor.waitForRun(id)));
    expect(finished.map((r) => [r.status, r.output])).toEqual([
      ["completed", { n: 0 }],
      ["completed", { n: 1 }],
      ["completed", { n: 2 }],
    ]);
    expect(held.maxActive).toBe(1);
    // Queued in order, and each started only after the previous finished.
    expect(finished[1].startedAt!.getTime()).toBeGreaterThanOrEqual(finished[0].finishedAt!.getTime());
    expect(finished[2].startedAt!.getTime()).toBeGreaterThanOrEqual(finished[1].finishedAt!.getTime());
  });

  it("starts a new run with dedupe once the previous one has finished", async () => {
    const { runIds, existingRunIds } = await executor.dispatch(
      { name: "test/serial", data: { n: 3 } },
      { dedupe: true },
    );
    expect(existingRunIds).toEqual([]);
    expect((await executor.waitForRun(runIds[0])).output).toEqual({ n: 3 });
  });

  it("routes step.sendEvent to the executor, which starts the listening function", async () => {
    const { runIds } = await executor.dispatch({ name: "test/emit", data: { tag: "x1" } });
    expect((await executor.waitForRun(runIds[0])).status).toBe("completed");
    const heard = await eventually(async () => (await runsOf("listener")).find((r) => r.status === "completed"));
    expect(heard).toMatchObject({ eventName: "test/announced", params: { from: "x1" }, output: { from: "x1" } });
  });

  it("processes an event id once per function, as Inngest does", async () => {
    const a = await executor.dispatch({ name: "test/emit", id: "same-event", data: { tag: "once" } });
    const b = await executor.dispatch({ name: "test/emit", id: "same-event", data: { tag: "once" } });
    expect(a.runIds).toHaveLength(1);
    expect(b.runIds).toEqual([]);
    await executor.waitForRun(a.runIds[0]);
  });

  it("returns no runs for an event no function listens to", async () => {
    const result = await executor.dispatch({ name: "test/nobody-listens" });
    expect(result).toMatchObject({ executor: "embedded", runIds: [], existingRunIds: [] });
    expect(result.eventIds).toHaveLength(1);
  });

  it("rejects a malformed event, naming the field", async () => {
    const bad = () => executor.dispatch([{ name: "test/serial" }, { name: " ", data: [] as never }]);
    await expect(bad()).rejects.toThrow(EventValidationError);
    await expect(bad()).rejects.toThrow(
      /events\.1\.name must be a non-empty event name.*events\.1\.data must be an object/,
    );
  });
});
