import { getDb } from "@/db/client";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pipelineRuns } from "@/db/schema";
import { getEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { createRun, getRun } from "@/lib/runs/run-store";
import { startServer } from "@/runtime/start-server";
import { withTestDatabase } from "../helpers/with-test-database";

const ctx = withTestDatabase();

describe("startServer without Inngest configured", () => {
  it("starts the embedded executor on the app's serve handler and deals with runs a dead process left", async () => {
    await createRun({
      db: await getDb(),
      id: "left-by-dead-process",
      functionId: "retired-function",
      trigger: "event",
      eventName: "pipeline/retired.requested",
      eventId: "e-dead",
      params: {},
      executor: "embedded",
      queuedAt: new Date(Date.now() - 3_600_000),
      status: "running",
      ownerId: "embedded-dead",
    });
    await ctx.handle.db
      .update(pipelineRuns)
      .set({ heartbeatAt: new Date(Date.now() - 3_600_000) })
      .where(eq(pipelineRuns.id, "left-by-dead-process"));

    await startServer();
    const executor = getEmbeddedExecutor();
    expect(executor).toBeDefined();
    expect(executor!.stopped).toBe(false);
    expect(await getRun({ db: await getDb(), id: "left-by-dead-process" })).toMatchObject({
      status: "failed",
      error: expect.stringContaining("no longer served"),
    });
  });
});
