import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { exponentialBackoff } from "@/lib/executor/backoff";
import { startEmbeddedExecutor, stopEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { getRunById } from "@/lib/runs/run-queries";
import { withTestDatabase } from "../helpers/with-test-database";
import { createTestClient, eventually, gate, serveEndpoint, TEST_SIGNING_KEY } from "./test-app";

const client = createTestClient("executor-test");
const counts = { first: 0, flaky: 0, broken: 0 };

const flakyOnce = client.createFunction(
  { id: "flaky-once", retries: 2, triggers: [{ event: "test/flaky-once" }] },
  async ({ step }) => {
    const a = await step.run("first", () => ++counts.first && 1);
    const b = await step.run("flaky", () => {
      counts.flaky += 1;
      if (counts.flaky === 1) throw new Error("transient failure");
      return a + 1;
    });
    return { b };
  },
);

const failuresHandled: string[] = [];
const alwaysBroken = client.createFunction(
  {
    id: "always-broken",
    retries: 2,
    triggers: [{ event: "test/always-broken" }],
    // The SDK serves this as a second function triggered by inngest/function.failed.
    onFailure: async ({ error, event }) => {
      failuresHandled.push(`${event.data.run_id}: ${error.message}`);
    },
  },
  async ({ step }) => {
    await step.run("broken", () => {
      counts.broken += 1;
      throw new Error(`permanent failure #${counts.broken}`);
    });
    return "unreachable";
  },
);

// Each request is a fresh execution of the handler, so the barrier lives outside it.
const barrier = { started: 0, allStarted: gate() };
const parallel = client.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ step }) => {
  // Each branch waits until all three have started: sequential execution would time out.
  const branch = (name: string, value: number) =>
    step.run(name, async () => {
      barrier.started += 1;
      if (barrier.started === 3) barrier.allStarted.open();
      await Promise.race([
        barrier.allStarted.promise,
        new Promise((_, reject) => setTimeout(() => reject(new Error("branches ran one at a time")), 5000)),
      ]);
      return value;
    });
  const values = await Promise.all([branch("a", 1), branch("b", 2), branch("c", 4)]);
  return step.run("sum", () => values.reduce((x, y) => x + y, 0));
});

let outsideCalls = 0;
const failsOutsideSteps = client.createFunction(
  { id: "fails-outside-steps", retries: 1, triggers: [{ event: "test/outside" }] },
  async ({ step }) => {
    const n = await step.run("before", () => 1);
    outsideCalls += 1;
    if (outsideCalls === 1) throw new Error("flaky code between steps");
    return n;
  },
);

let runaway = 0;
const endless = client.createFunction(
  { id: "endless", retries: 0, triggers: [{ event: "test/endless" }] },
  async ({ step }) => {
    // A new step id on every request: nothing ever replays, so it would never end.
    for (;;) await step.run(`step-${++runaway}`, () => runaway);
  },
);

const functions = [flakyOnce, alwaysBroken, parallel, failsOutsideSteps, endless];
withTestDatabase();
afterEach(async () => {
  await stopEmbeddedExecutor();
});

function start(maxSteps?: number) {
  return startEmbeddedExecutor({
    endpoint: serveEndpoint(client, functions),
    signingKey: TEST_SIGNING_KEY,
    backoff: exponentialBackoff(10, 50),
    maxSteps,
  });
}

describe("embedded executor", () => {
  it("reads ids, triggers, retries and concurrency from the serve handler's sync", async () => {
    const executor = await start();
    const fns = executor.servedFunctions();
    expect(fns.map((f) => f.id)).toEqual([
      "flaky-once",
      "always-broken",
      "always-broken-failure",
      "parallel",
      "fails-outside-steps",
      "endless",
    ]);
    expect(fns[0]).toMatchObject({
      slug: "executor-test-flaky-once",
      events: [{ event: "test/flaky-once" }],
      maxAttempts: 3,
      concurrency: null,
    });
    expect(fns[3].maxAttempts).toBe(4);
  });

  it("retries a step that throws once and completes the run without re-running earlier steps", async () => {
    const executor = await start();
    const { runIds } = await executor.dispatch({ name: "test/flaky-once", data: { season: "2425" } });
    expect(runIds).toHaveLength(1);
    const run = await executor.waitForRun(runIds[0]);
    expect(run).toMatchObject({
      status: "completed",
      output: { b: 2 },
      functionId: "flaky-once",
      trigger: "event",
      executor: "embedded",
    });
    expect(run.params).toEqual({ season: "2425" });
    expect(counts).toMatchObject({ first: 1, flaky: 2 });

    const detail = await getRunById({ db: await getDb(), id: runIds[0], includeStepOutput: true });
    const steps = detail!.steps.map((s) => [s.name, s.attempt, s.status, s.op, s.output ?? null]);
    expect(steps).toEqual([
      ["first", 0, "completed", "StepRun", 1],
      ["flaky", 0, "errored", "StepRun", null],
      ["flaky", 1, "completed", "StepRun", 2],
    ]);
    expect(detail!.steps[1].error).toBe("Error: transient failure");
    expect(detail!.steps[2].outputSummary).toBe("2");
    expect(detail!.steps.every((s) => s.durationMs !== null && s.finishedAt !== null)).toBe(true);
  });

  it("fails the run with the step's error once its retries are exhausted", async () => {
    const executor = await start();
    const { runIds } = await executor.dispatch({ name: "test/always-broken" });
    const run = await executor.waitForRun(runIds[0]);
    expect(run.status).toBe("failed");
    expect(run.error).toBe("Error: permanent failure #3");
    expect(run.finishedAt).not.toBeNull();
    expect(counts.broken).toBe(3);
    const detail = await getRunById({ db: await getDb(), id: runIds[0] });
    expect(detail!.steps.map((s) => [s.attempt, s.status])).toEqual([
      [0, "errored"],
      [1, "errored"],
      [2, "failed"],
    ]);
    // inngest/function.failed reaches the function's onFailure handler, as under Inngest.
    await eventually(async () => failuresHandled.length === 1);
    expect(failuresHandled).toEqual([`${runIds[0]}: permanent failure #3`]);
  });

  it("runs steps planned together in parallel, then continues with their results", async () => {
    const executor = await start();
    const { runIds } = await executor.dispatch({ name: "test/parallel" });
    const run = await executor.waitForRun(runIds[0]);
    expect(run).toMatchObject({ status: "completed", output: 7, error: null });
    expect(barrier.started).toBe(3);
    const detail = await getRunById({ db: await getDb(), id: runIds[0] });
    const byName = Object.fromEntries(detail!.steps.map((s) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual(["a", "b", "c", "sum"]);
    for (const name of ["a", "b", "c", "sum"])
      expect(byName[name]).toMatchObject({ status: "completed", op: "StepPlanned" });
  });

  it("retries a run whose code fails outside any step, keeping the failed attempt in its log", async () => {
    const executor = await start();
    const { runIds } = await executor.dispatch({ name: "test/outside" });
    const run = await executor.waitForRun(runIds[0]);
    // The run-level attempt that succeeded: the first one failed.
    expect(run).toMatchObject({ status: "completed", output: 1, attempt: 1 });
    const detail = await getRunById({ db: await getDb(), id: runIds[0] });
    expect(detail!.steps.map((s) => s.name)).toEqual(["before"]);
    expect(detail!.logs.map((l) => [l.level, l.message, l.data])).toEqual([
      ["warn", "attempt 0 failed; retrying", { error: "Error: flaky code between steps" }],
    ]);
  });

  it("fails a run that never stops finding new steps once it reaches the step limit", async () => {
    const executor = await start(40);
    const { runIds } = await executor.dispatch({ name: "test/endless" });
    const run = await executor.waitForRun(runIds[0]);
    expect(run).toMatchObject({
      status: "failed",
      error: "StepLimitExceeded: The run reached 40 steps, the limit per run",
    });
    expect(runaway).toBe(40);
  });
});
