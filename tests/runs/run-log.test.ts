import { getDb } from "@/db/client";
import { describe, expect, it } from "vitest";
import { startEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { getRunById } from "@/lib/runs/run-queries";
import { withTestDatabase } from "../helpers/with-test-database";
import { createTestClient, serveEndpoint, TEST_SIGNING_KEY } from "../executor/test-app";

const client = createTestClient("run-log-test");
const chatty = client.createFunction({ id: "chatty", triggers: [{ event: "test/chatty" }] }, async ({ step, log }) => {
  await log("info", "starting", { season: "2425" });
  const rows = await step.run("count rows", async () => {
    await log("debug", "counted", { n: 3 });
    return 3;
  });
  await step.run("check rows", async () => {
    await log("warn", "odd row", { line: 7 });
  });
  await log("info", "done");
  return rows;
});

withTestDatabase();

describe("run log", () => {
  it("writes each line once to run_logs, tagged with the step it was written in", async () => {
    const executor = await startEmbeddedExecutor({
      endpoint: serveEndpoint(client, [chatty]),
      signingKey: TEST_SIGNING_KEY,
    });
    const { runIds } = await executor.dispatch({ name: "test/chatty" });
    expect((await executor.waitForRun(runIds[0])).status).toBe("completed");

    const detail = (await getRunById({ db: await getDb(), id: runIds[0] }))!;
    const stepIdOf = (name: string) => detail.steps.find((s) => s.name === name)!.stepId;
    expect(detail.logs.map((l) => [l.level, l.message, l.stepId, l.data])).toEqual([
      ["info", "starting", null, { season: "2425" }],
      ["debug", "counted", stepIdOf("count rows"), { n: 3 }],
      ["warn", "odd row", stepIdOf("check rows"), { line: 7 }],
      ["info", "done", null, null],
    ]);
  });
});
