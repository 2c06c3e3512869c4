import { eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { pipelineRuns } from "@/db/schema";
import { startEmbeddedExecutor, stopEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { getRunById } from "@/lib/runs/run-queries";
import { createRun, getRun } from "@/lib/runs/run-store";
import { withTestDatabase } from "../helpers/with-test-database";
import { createTestClient, eventually, gate, serveEndpoint, TEST_SIGNING_KEY } from "./test-app";

const client = createTestClient("recovery-test");
const counts = { s1: 0, s2: 0, s3Started: 0, s3Finished: 0, s4: 0, beforeNap: 0, afterNap: 0 };
const phase = { holdStep3: true };
const hold = gate();

const fourSteps = client.createFunction(
  { id: "four-steps", retries: 1, triggers: [{ event: "test/four-steps" }] },
  async ({ step }) => {
    const one = await step.run("s1", () => ++counts.s1 && "one");
    const two = await step.run("s2", () => ++counts.s2 && "two");
    const three = await step.run("s3", async () => {
      counts.s3Started += 1;
      // The first executor "dies" while step 3 is in flight: its result never reaches the database.
      if (phase.holdStep3) await hold.promise;
      counts.s3Finished += 1;
      return "three";
    });
    const four = await step.run("s4", () => ++counts.s4 && "four");
    return [one, two, three, four].join(",");
  },
);

const napper = client.createFunction({ id: "napper", triggers: [{ event: "test/napper" }] }, async ({ step }) => {
  await step.run("before", () => ++counts.beforeNap);
  await step.sleep("nap", "1s");
  return step.run("after", () => ++counts.afterNap);
});

const functions = [fourSteps, napper];
const ctx = withTestDatabase();
afterEach(() => stopEmbeddedExecutor());
// Runs before withTestDatabase's teardown closes the database (after-hooks run last-registered first).
afterAll(() => hold.open());

const start = (staleAfterMs = 0) =>
  startEmbeddedExecutor({ endpoint: serveEndpoint(client, functions), signingKey: TEST_SIGNING_KEY, staleAfterMs });

describe("recovery after the executor dies", () => {
  it("resumes a run abandoned after step 2 at step 3, without re-running steps 1 and 2", async () => {
    const first = await start();
    const { runIds } = await first.dispatch({ name: "test/four-steps" });
    await eventually(async () => counts.s3Started === 1);
    await first.stop();
    const abandoned = await getRun({ db: await getDb(), id: runIds[0] });
    expect(abandoned).toMatchObject({ status: "running", ownerId: first.ownerId });

    phase.holdStep3 = false;
    const second = await start();
    const run = await second.waitForRun(runIds[0]);
    expect(run).toMatchObject({ status: "completed", output: "one,two,three,four", ownerId: second.ownerId });
    expect(counts).toMatchObject({ s1: 1, s2: 1, s3Started: 2, s3Finished: 1, s4: 1 });
    const detail = await getRunById({ db: await getDb(), id: runIds[0] });
    expect(detail!.steps.map((s) => `${s.name}:${s.attempt}:${s.status}`)).toEqual([
      "s1:0:completed",
      "s2:0:completed",
      "s3:0:completed",
      "s4:0:completed",
    ]);
  });

  it("wakes a sleeping run after a restart, at the time recorded before it", async () => {
    const first = await start();
    const { runIds } = await first.dispatch({ name: "test/napper" });
    const nap = await eventually(async () =>
      (await getRunById({ db: await getDb(), id: runIds[0] }))?.steps.find(
        (s) => s.name === "nap" && s.status === "sleeping",
      ),
    );
    expect(nap.op).toBe("Sleep");
    await first.stop();

    const second = await start();
    const run = await second.waitForRun(runIds[0]);
    expect(run).toMatchObject({ status: "completed", output: 1 });
    expect(counts).toMatchObject({ beforeNap: 1, afterNap: 1 });
    const woke = (await getRunById({ db: await getDb(), id: runIds[0] }))!.steps.find((s) => s.name === "nap")!;
    expect(woke.status).toBe("completed");
    expect(woke.startedAt.getTime()).toBe(nap.startedAt.getTime());
    expect(woke.durationMs).toBeGreaterThanOrEqual(1000);
  });

  it("leaves a run whose owner still beats its heartbeat alone", async () => {
    const run = await createRun({
      db: await getDb(),
      id: "alive-elsewhere",
      functionId: "four-steps",
      trigger: "event",
      eventName: "test/four-steps",
      eventId: "e-alive",
      params: {},
      executor: "embedded",
      queuedAt: new Date(),
      status: "running",
      ownerId: "embedded-other-process",
    });
    const executor = await start(60_000);
    await executor.idle();
    expect(await getRun({ db: await getDb(), id: run.id })).toMatchObject({
      status: "running",
      ownerId: "embedded-other-process",
    });
    await ctx.handle.db.delete(pipelineRuns).where(eq(pipelineRuns.id, run.id));
  });

  it("fails an abandoned run whose function is no longer served", async () => {
    await createRun({
      db: await getDb(),
      id: "orphan",
      functionId: "removed-function",
      trigger: "event",
      eventName: "test/removed",
      eventId: "e-orphan",
      params: {},
      executor: "embedded",
      queuedAt: new Date(),
      status: "running",
      ownerId: "embedded-dead-process",
    });
    await start();
    expect(await getRun({ db: await getDb(), id: "orphan" })).toMatchObject({
      status: "failed",
      error: 'Cannot resume: function "removed-function" is no longer served',
    });
  });
});
