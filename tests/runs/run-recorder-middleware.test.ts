import { Inngest } from "inngest";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { StepOpCode, type InngestEvent, type MemoizedStep } from "@/lib/executor/protocol";
import { ProtocolClient } from "@/lib/executor/protocol-client";
import { RunLogMiddleware } from "@/lib/runs/run-log-middleware";
import { getRunById } from "@/lib/runs/run-queries";
import { runRecorderMiddleware } from "@/lib/runs/run-recorder-middleware";
import { withTestDatabase } from "../helpers/with-test-database";
import { serveEndpoint, TEST_SIGNING_KEY } from "../executor/test-app";

// The client as inngest/client.ts builds it when Inngest (not the embedded executor) runs the
// functions: the recorder middleware writes runs, steps and outcomes itself.
const client = new Inngest({
  id: "recorder-test",
  isDev: false,
  signingKey: TEST_SIGNING_KEY,
  logger: pino({ level: "silent" }),
  middleware: [RunLogMiddleware, runRecorderMiddleware({ executor: "inngest", enabled: () => true })],
});

let flakyCalls = 0;
const recorded = client.createFunction(
  { id: "recorded", retries: 2, triggers: [{ event: "test/recorded" }] },
  async ({ step, log, event }) => {
    const n = await step.run("count", async () => {
      await log("info", "counting");
      return (event.data as { n: number }).n;
    });
    const doubled = await step.run("double", () => {
      flakyCalls += 1;
      if ((event.data as { flaky?: boolean }).flaky && flakyCalls === 1) throw new Error("flaky once");
      return n * 2;
    });
    if (doubled > 100) throw new Error("too big");
    return doubled;
  },
);

withTestDatabase();

const protocol = new ProtocolClient(serveEndpoint(client, [recorded]), TEST_SIGNING_KEY);

/**
 * Plays the Inngest server for one run, the minimal way: memoise each step result, retry a
 * StepError or a retriable rejection with attempt + 1, stop at the final answer.
 */
async function runAsInngest(runId: string, data: Record<string, unknown>) {
  const event: InngestEvent = { id: `event-${runId}`, name: "test/recorded", data, ts: Date.now() };
  const steps: Record<string, MemoizedStep> = {};
  let attempt = 0;
  for (let request = 0; request < 12; request++) {
    const result = await protocol.call({
      functionId: "recorder-test-recorded",
      stepId: "step",
      event,
      runId,
      attempt,
      maxAttempts: 3,
      steps,
      stack: Object.keys(steps),
      disableImmediateExecution: false,
    });
    if (result.kind === "completed") return result;
    if (result.kind === "rejected") {
      if (!result.retriable) return result;
      attempt += 1;
      continue;
    }
    const [op] = result.ops;
    if (op.op === StepOpCode.StepError) attempt += 1;
    else {
      steps[op.id] =
        op.op === StepOpCode.StepRun ? { type: "data", data: op.data } : { type: "error", error: op.error! };
      attempt = 0;
    }
  }
  throw new Error("run did not finish in 12 requests");
}

describe("run recorder middleware (runs executed by Inngest)", () => {
  it("records the run, its steps, logs and output", async () => {
    expect(await runAsInngest("inngest-run-ok", { n: 21 })).toEqual({ kind: "completed", output: 42 });
    const detail = (await getRunById({ db: await getDb(), id: "inngest-run-ok", includeStepOutput: true }))!;
    expect(detail.run).toMatchObject({
      functionId: "recorded",
      executor: "inngest",
      trigger: "event",
      eventName: "test/recorded",
      eventId: "event-inngest-run-ok",
      status: "completed",
      output: 42,
      params: { n: 21 },
    });
    expect(detail.steps.map((s) => [s.name, s.attempt, s.status, s.output])).toEqual([
      ["count", 0, "completed", 21],
      ["double", 0, "completed", 42],
    ]);
    expect(detail.logs.map((l) => [l.message, l.stepId])).toEqual([["counting", detail.steps[0].stepId]]);
  });

  it("records each attempt of a retried step", async () => {
    flakyCalls = 0;
    expect(await runAsInngest("inngest-run-flaky", { n: 5, flaky: true })).toEqual({ kind: "completed", output: 10 });
    const detail = (await getRunById({ db: await getDb(), id: "inngest-run-flaky" }))!;
    expect(detail.run).toMatchObject({ status: "completed", output: 10 });
    expect(detail.steps.map((s) => [s.name, s.attempt, s.status, s.error])).toEqual([
      ["count", 0, "completed", null],
      ["double", 0, "errored", "Error: flaky once"],
      ["double", 1, "completed", null],
    ]);
  });

  it("marks the run failed only on its final attempt, with the error", async () => {
    const result = await runAsInngest("inngest-run-too-big", { n: 60 });
    expect(result).toMatchObject({ kind: "rejected", retriable: false, error: { message: "too big" } });
    expect((await getRunById({ db: await getDb(), id: "inngest-run-too-big" }))!.run).toMatchObject({
      status: "failed",
      error: "Error: too big",
    });
  });
});
