import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { pipelineRuns, predictions, runLogs, runSteps } from "@/db/schema";
import { startEmbeddedExecutor } from "@/lib/executor/executor-instance";
import type { EmbeddedExecutor } from "@/lib/executor/embedded-executor";
import { dispatch } from "@/lib/pipelines/dispatch";
import { getAliasTarget } from "@/lib/registry/aliases";
import { withTestDatabase } from "../helpers/with-test-database";

// The real functions on the real serve handler, driven by the embedded executor: one ETL event
// must carry the system to a champion model and stored predictions through the events alone.
const ctx = withTestDatabase();
let executor: EmbeddedExecutor;

beforeAll(async () => {
  const { handleInngestRequest } = await import("@/inngest/serve-handler");
  executor = await startEmbeddedExecutor({ endpoint: handleInngestRequest, schedules: false });
}, 60_000);

describe("the pipeline chain", () => {
  it("goes from one ETL request to a champion and predictions", async () => {
    const { runIds } = await dispatch(
      { name: "pipeline/etl.requested", data: { seasons: ["2122", "2223", "2324", "2425", "2526"] } },
      { dedupe: true, trigger: "manual" },
    );
    const etl = await executor.waitForRun(runIds[0]);
    expect(etl.status).toBe("completed");
    await executor.idle();

    const runs = await ctx.handle.db.select().from(pipelineRuns);
    const byFunction = (id: string) => runs.filter((r) => r.functionId === id);
    expect(runs.every((r) => r.status === "completed" && r.executor === "embedded")).toBe(true);
    expect(byFunction("training").map((r) => r.eventName)).toEqual(["data/matches.updated"]);
    expect(byFunction("scoring").map((r) => r.eventName)).toEqual(["data/matches.updated"]);
    // New data and then the new champion each start a predictions run.
    expect(
      byFunction("predictions")
        .map((r) => r.eventName)
        .sort(),
    ).toEqual(["data/matches.updated", "model/promoted"]);

    expect(await getAliasTarget({ db: ctx.handle.db, alias: "champion" })).not.toBeNull();
    const stored = await ctx.handle.db.select().from(predictions).where(eq(predictions.kind, "batch"));
    expect(stored).toHaveLength(380);

    // Every step and log line is recorded under its run.
    const trainingRun = byFunction("training")[0];
    const steps = await ctx.handle.db
      .select()
      .from(runSteps)
      .where(eq(runSteps.runId, trainingRun.id))
      .orderBy(asc(runSteps.id));
    expect(steps.map((s) => s.name)).toEqual([
      "build features",
      "look for a twin version",
      "walk-forward evaluation",
      "fit final model and register version",
      "promotion gate",
      "emit model/promoted",
    ]);
    expect(steps.every((s) => s.status === "completed" && s.durationMs !== null)).toBe(true);
    const logs = await ctx.handle.db
      .select()
      .from(runLogs)
      .where(and(eq(runLogs.runId, trainingRun.id), eq(runLogs.level, "info")));
    expect(logs.map((l) => l.message)).toContainEqual(expect.stringMatching(/^v1: promoted \(first champion/));
    expect(logs.every((l) => l.stepId !== null)).toBe(true);
  }, 240_000);

  it("answers a second identical request with the run in progress, then nothing new to load", async () => {
    const [a, b] = await Promise.all(
      [0, 1].map(() =>
        dispatch(
          { name: "pipeline/etl.requested", data: { seasons: ["2526"], fixtures: false } },
          { dedupe: true, trigger: "manual" },
        ),
      ),
    );
    expect(a.runIds).toEqual(b.runIds);
    const run = await executor.waitForRun(a.runIds[0]);
    expect(run.output).toMatchObject({ changed: false, totals: { files: 1, skipped: 1 } });
    await executor.idle();
  }, 120_000);
});
