import path from "node:path";
import { describe, expect, it } from "vitest";
import { ORIGINAL_PATHS } from "@/lib/api/original-paths";
import { getRun } from "@/lib/runs/run-store";
import { LAST_BUNDLED_SEASON } from "@/lib/data/season-code";
import { request, withLoadedApp } from "./api-test-kit";

// The Python original's clients, replayed: every command of its README and every request its
// dashboard sent, at its own paths. next.config.js rewrites those paths to the /api routes listed
// in lib/api/original-paths.json; here each is answered by that route's own module (the e2e suite
// checks the rewrites on a running server).
const app = withLoadedApp();

type Handler = (request: Request, context?: unknown) => Promise<Response>;

async function original(method: "GET" | "POST", alias: string, body?: unknown): Promise<Response> {
  const target = ORIGINAL_PATHS[alias];
  expect(target, `${alias} is one of the original's paths`).toBeDefined();
  const file = path.join(import.meta.dirname, "../../app", target, "route.ts");
  const handler = ((await import(file)) as Record<string, Handler | undefined>)[method];
  expect(handler, `${method} ${target} answers ${alias}`).toBeTypeOf("function");
  return handler!(request(alias, { method, body }));
}

async function json(response: Response, status: number) {
  const body = await response.json();
  expect(response.status, JSON.stringify(body).slice(0, 400)).toBe(status);
  return body;
}

const workflowAnswer = {
  flow_run_id: expect.any(String),
  status: expect.any(String),
  message: expect.any(String),
};

describe("the original README's commands", () => {
  it("curl -X POST /workflows/etl: starts the ETL and answers with flow_run_id and message", async () => {
    const body = await json(await original("POST", "/workflows/etl"), 202);
    expect(body).toMatchObject({ ...workflowAnswer, flow: "etl", run_id: body.flow_run_id });
    expect((await app.executor.waitForRun(body.flow_run_id)).status).toBe("completed");
    await app.executor.idle();
  }, 240_000);

  it('/workflows/trigger {"flow_name": "training_pipeline_flow", "parameters": {"force_retrain": true}}', async () => {
    const body = await json(
      await original("POST", "/workflows/trigger", {
        flow_name: "training_pipeline_flow",
        parameters: { force_retrain: true },
      }),
      202,
    );
    expect(body).toMatchObject({ ...workflowAnswer, flow: "training", flow_name: "training_pipeline_flow" });
    expect(body.ignored_parameters).toBeUndefined();
    const run = await app.executor.waitForRun(body.flow_run_id);
    expect(run).toMatchObject({ status: "completed", params: { force: true } });
    // Forced: a version is registered although an identical one exists.
    expect(run.output).toMatchObject({ version: expect.any(Number) });
    await app.executor.idle();
  }, 240_000);

  it("curl -X POST /workflows/predictions", async () => {
    const body = await json(await original("POST", "/workflows/predictions"), 202);
    expect(body).toMatchObject({ ...workflowAnswer, flow: "predictions" });
    expect((await app.executor.waitForRun(body.flow_run_id)).status).toBe("completed");
  });
});

describe("the original's flow names and parameters", () => {
  it("etl_and_training_flow with years_back loads the last N seasons and reports unknown parameters as ignored", async () => {
    const body = await json(
      await original("POST", "/workflows/trigger", {
        flow_name: "etl_and_training_flow",
        parameters: { years_back: 2, season: "2023/24" },
      }),
      202,
    );
    expect(body).toMatchObject({ flow: "etl", flow_name: "etl_and_training_flow", ignored_parameters: ["season"] });
    const run = await getRun({ db: app.handle.db, id: body.flow_run_id });
    expect(run?.params).toEqual({ seasons: ["2425", LAST_BUNDLED_SEASON] });
    await app.executor.waitForRun(body.flow_run_id);
    await app.executor.idle();
  });

  it("prediction_generation_flow with days_ahead predicts only that horizon", async () => {
    const body = await json(
      await original("POST", "/workflows/trigger", {
        flow_name: "prediction_generation_flow",
        parameters: { days_ahead: 7 },
      }),
      202,
    );
    const run = await app.executor.waitForRun(body.flow_run_id);
    expect(run.params).toEqual({ daysAhead: 7 });
    expect(run.status).toBe("completed");
  });

  it("refuses a bad value of an original parameter, naming it", async () => {
    const body = await json(
      await original("POST", "/workflows/trigger", { flow_name: "data_pipeline_flow", parameters: { years_back: 0 } }),
      400,
    );
    expect(body.issues).toEqual([{ field: "parameters.years_back", message: expect.any(String) }]);
  });
});

describe("the original's endpoints and its dashboard's requests", () => {
  it("POST /predictions/match answers the fields its clients read", async () => {
    const body = await json(
      await original("POST", "/predictions/match", {
        home_team: "Arsenal",
        away_team: "Chelsea",
        home_odds: 2.1,
        away_odds: 3.2,
        draw_odds: 3.5,
      }),
      200,
    );
    expect(body).toMatchObject({
      home_team: "Arsenal",
      away_team: "Chelsea",
      prediction: expect.stringMatching(/^[HDA]$/),
      confidence: expect.any(Number),
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const p = body.probabilities;
    expect(p.H + p.D + p.A).toBeCloseTo(1, 9);
    expect(body.confidence).toBe(Math.max(p.H, p.D, p.A));
    expect(body.prediction).toBe(["H", "D", "A"][[p.H, p.D, p.A].indexOf(body.confidence)]);
  });

  it.each([
    "/health",
    "/status",
    "/system/status",
    "/model/info",
    "/data/stats",
    "/predictions/upcoming",
    "/predictions/latest",
  ])("GET %s answers 200 with JSON", async (alias) => {
    expect(await json(await original("GET", alias), 200)).toBeTypeOf("object");
  });

  it("the dashboard's Run Training Pipeline button (POST /retraining/force, no body) trains now", async () => {
    const body = await json(await original("POST", "/retraining/force"), 202);
    expect(body).toMatchObject({ ...workflowAnswer, flow: "training" });
    const run = await app.executor.waitForRun(body.flow_run_id);
    expect(run).toMatchObject({ status: "completed", params: { force: true } });
    await app.executor.idle();
  }, 240_000);

  it("POST /workflows/prediction (the original's singular path) starts predictions", async () => {
    const body = await json(await original("POST", "/workflows/prediction"), 202);
    expect(body.flow).toBe("predictions");
    await app.executor.waitForRun(body.flow_run_id);
  });
});
