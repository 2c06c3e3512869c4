import { waitForBootstrap } from "./support/bootstrap";
import { expect, test } from "./support/fixtures";

// The Python original's clients used paths without /api; the running server answers them with the
// same handlers (next.config.js rewrites). Reads, a prediction, an idempotent predictions request and
// a refused flow here: the vitest suite replays the commands that start ETL and training.
test("the original system's paths answer at the root with the /api routes' answers", async ({ page, request }) => {
  await waitForBootstrap(page);
  for (const path of ["/health", "/status", "/system/status", "/model/info", "/data/stats", "/predictions/upcoming"]) {
    const root = await request.get(path);
    expect(root.status(), path).toBe(200);
    expect(root.headers()["content-type"], path).toContain("application/json");
    const api = await request.get(`/api${path}`);
    expect(Object.keys(await root.json()).sort(), path).toEqual(Object.keys(await api.json()).sort());
  }
  const match = await request.post("/predictions/match", {
    data: { home_team: "Arsenal", away_team: "Chelsea", home_odds: 2.1, away_odds: 3.2, draw_odds: 3.5 },
  });
  expect(match.status()).toBe(200);
  expect(await match.json()).toMatchObject({
    home_team: "Arsenal",
    away_team: "Chelsea",
    prediction: expect.stringMatching(/^[HDA]$/),
    created_at: expect.any(String),
    probabilities: { H: expect.any(Number), D: expect.any(Number), A: expect.any(Number) },
  });
  const predictions = await request.post("/workflows/predictions");
  expect(predictions.status()).toBe(202);
  expect(await predictions.json()).toMatchObject({
    flow: "predictions",
    flow_run_id: expect.any(String),
    message: expect.any(String),
  });
  const unknown = await request.post("/workflows/trigger", { data: { flow_name: "deploy_flow" } });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).issues[0].message).toContain("training_pipeline_flow");
});

test("a run or a version that does not exist is a 404 page", async ({ request }) => {
  for (const path of ["/runs/no-such-run", "/models/99"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain("Nothing lives at this address");
  }
});

test("the Predictions page describes its live track record as the API counts it", async ({ page, request }) => {
  const history = await (await request.get("/api/predictions/history")).json();
  expect(history.live.description).toContain("not counted");
  await page.goto("/predictions");
  await expect(page.locator("#live-record-title")).toContainText(history.live.description);
});
