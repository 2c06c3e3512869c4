import { getDb } from "@/db/client";
import { describe, expect, it } from "vitest";
import { POST as etl } from "@/app/api/workflows/etl/route";
import { POST as predictionsFlow } from "@/app/api/workflows/predictions/route";
import { POST as training } from "@/app/api/workflows/training/route";
import { POST as trigger } from "@/app/api/workflows/trigger/route";
import * as contracts from "@/lib/api/contracts/workflows";
import { startEmbeddedExecutor, stopEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { getRun } from "@/lib/runs/run-store";
import { documented, errorOf, request, SMALL_TRAINING, withLoadedApp } from "./api-test-kit";

const app = withLoadedApp();

const post = (path: string, body?: unknown) => request(path, { method: "POST", body });

describe("POST /api/workflows/*", () => {
  it("starts an ETL run, answers 202 with its id, and the run completes", async () => {
    const response = await etl(post("/api/workflows/etl", { seasons: ["2526"], fixtures: false }));
    const body = await documented(contracts.startPipeline.etl, response, 202);
    expect(body).toMatchObject({ flow: "etl", existing: false, executor: "embedded", run_id: expect.any(String) });
    expect(["queued", "running"]).toContain(body.status);
    expect(response.headers.get("location")).toBe(`/api/runs/${body.run_id}`);
    const run = await app.executor.waitForRun(body.run_id);
    expect(run).toMatchObject({
      functionId: "etl",
      status: "completed",
      trigger: "manual",
      params: { seasons: ["2526"], fixtures: false },
    });
  });

  it("gives ten concurrent requests one run: the first starts it, the rest get it back", async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => predictionsFlow(post("/api/workflows/predictions"))),
    );
    const bodies = await Promise.all(responses.map((r) => documented(contracts.startPipeline.predictions, r, 202)));
    expect(new Set(bodies.map((b) => b.run_id)).size).toBe(1);
    expect(bodies.filter((b) => !b.existing)).toHaveLength(1);
    expect((await app.executor.waitForRun(bodies[0].run_id)).status).toBe("completed");
  });

  it("trains with the parameters given", async () => {
    const body = await documented(
      contracts.startPipeline.training,
      await training(post("/api/workflows/training", SMALL_TRAINING)),
      202,
    );
    const run = await app.executor.waitForRun(body.run_id);
    expect(run.status).toBe("completed");
    expect(run.output).toMatchObject({ version: 2 });
    expect(run.params).toEqual(SMALL_TRAINING);
    await app.executor.idle();
  });

  it("accepts the original flow names on /trigger", async () => {
    for (const [flow_name, flow] of [
      ["prediction_pipeline_flow", "predictions"],
      ["scoring", "scoring"],
      ["data_pipeline_flow", "etl"],
    ] as const) {
      const parameters = flow === "etl" ? { seasons: ["2526"], fixtures: false } : undefined;
      const body = await documented(
        contracts.triggerWorkflow,
        await trigger(post("/api/workflows/trigger", { flow_name, parameters })),
        202,
      );
      expect(body).toMatchObject({ flow, flow_name });
      expect((await getRun({ db: await getDb(), id: body.run_id }))?.functionId).toBe(flow);
      await app.executor.waitForRun(body.run_id);
    }
    await app.executor.idle();
  });

  it("answers an unknown flow with the valid names, and bad parameters naming the field", async () => {
    const unknown = await errorOf(await trigger(post("/api/workflows/trigger", { flow_name: "deploy_flow" })), 400);
    expect(unknown.issues).toEqual([
      {
        field: "flow_name",
        message: expect.stringContaining(
          "etl, training, predictions, scoring, data_pipeline_flow, etl_and_training_flow, training_pipeline_flow, prediction_pipeline_flow, prediction_generation_flow",
        ),
      },
    ]);
    const season = await errorOf(await etl(post("/api/workflows/etl", { seasons: ["2526", "9091"] })), 400);
    expect(season.issues).toEqual([
      { field: "seasons.1", message: "season 9091 is not available from the bundled source (9394 to 2526)" },
    ]);
    const format = await errorOf(
      await trigger(post("/api/workflows/trigger", { flow_name: "etl", parameters: { seasons: ["25/26"] } })),
      400,
    );
    expect(format.issues?.[0].field).toBe("parameters.seasons.0");
    const params = await errorOf(await training(post("/api/workflows/training", { params: { nTrees: 0 } })), 400);
    expect(params.issues).toEqual([{ field: "params", message: expect.stringMatching(/nTrees/) }]);
    const window = await errorOf(
      await training(post("/api/workflows/training", { testSeasons: ["2324"], firstTrainingSeason: "2425" })),
      400,
    );
    expect(window.issues).toEqual([{ field: "firstTrainingSeason", message: "must come before every test season" }]);
    const extra = await errorOf(await predictionsFlow(post("/api/workflows/predictions", { force: true })), 400);
    expect(extra.issues).toEqual([{ field: "force", message: "unknown field: not part of this request" }]);
  });

  it("answers 503, and starts nothing, when no executor is running", async () => {
    await app.executor.idle();
    await stopEmbeddedExecutor();
    try {
      const error = await errorOf(await predictionsFlow(post("/api/workflows/predictions")), 503);
      expect(error).toMatchObject({
        code: "unavailable:pipeline",
        message: expect.stringMatching(/embedded executor is not running/),
      });
    } finally {
      const { handleInngestRequest } = await import("@/inngest/serve-handler");
      app.executor = await startEmbeddedExecutor({ endpoint: handleInngestRequest });
    }
  });
});
