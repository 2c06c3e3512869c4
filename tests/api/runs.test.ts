import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getRun } from "@/app/api/runs/[id]/route";
import { POST as rerun } from "@/app/api/runs/[id]/rerun/route";
import { GET as listRuns } from "@/app/api/runs/route";
import { getDb, type DatabaseHandle } from "@/db/client";
import * as contracts from "@/lib/api/contracts/runs";
import type { EmbeddedExecutor } from "@/lib/executor/embedded-executor";
import { startEmbeddedExecutor, stopEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { dispatch } from "@/lib/pipelines/dispatch";
import { completeRun, createRun } from "@/lib/runs/run-store";
import { createLoadedDatabase, documented, errorOf, request, resetRateLimit, segment } from "./api-test-kit";

let handle: DatabaseHandle;
let executor: EmbeddedExecutor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createLoadedDatabase();
  const { handleInngestRequest } = await import("@/inngest/serve-handler");
  executor = await startEmbeddedExecutor({ endpoint: handleInngestRequest });
  // Real runs: a scoring run and an ETL run with nothing new, one after the other.
  for (const [name, data] of [
    ["pipeline/scoring.requested", { reason: "first" }],
    ["pipeline/etl.requested", { seasons: ["2526"], fixtures: false }],
    ["pipeline/scoring.requested", { reason: "second" }],
  ] as const) {
    const { runIds } = await dispatch({ name, data }, { trigger: "manual" });
    await executor.waitForRun(runIds[0]);
    ids[`${name}:${JSON.stringify(data)}`] = runIds[0];
  }
  // What a cron run leaves: the scheduler's event, not a request.
  const cron = await createRun({
    db: await getDb(),
    id: randomUUID(),
    functionId: "scoring",
    trigger: "cron",
    eventName: "inngest/scheduled.timer",
    eventId: randomUUID(),
    params: { cron: "0 7 * * *" },
    executor: "embedded",
    queuedAt: new Date(),
  });
  await completeRun({ db: await getDb(), id: cron.id, output: null });
  ids.cron = cron.id;
});
afterEach(() => resetRateLimit());
afterAll(async () => {
  await executor?.idle();
  await stopEmbeddedExecutor();
  await handle?.close();
});

const list = async (query: string) => documented(contracts.listRuns, await listRuns(request(`/api/runs${query}`)), 200);

describe("GET /api/runs", () => {
  it("pages newest first, filters by pipeline and status, and sorts", async () => {
    const all = await list("");
    expect(all).toMatchObject({ total: 4, page: 1, pageSize: 20, pageCount: 1 });
    const queued = all.runs.map((r: { queuedAt: string }) => r.queuedAt);
    expect([...queued].sort().reverse()).toEqual(queued);
    const scoring = await list("?function=scoring&pageSize=2&page=2");
    expect(scoring).toMatchObject({ total: 3, page: 2, pageSize: 2, pageCount: 2 });
    expect(scoring.runs).toHaveLength(1);
    expect((await list("?status=failed")).total).toBe(0);
    const byFunction = await list("?sort=functionId&direction=asc");
    expect(byFunction.runs.map((r: { functionId: string }) => r.functionId)).toEqual([
      "etl",
      "scoring",
      "scoring",
      "scoring",
    ]);
  });

  it("answers bad query parameters naming them", async () => {
    const bad = await errorOf(
      await listRuns(request("/api/runs?function=deploy&pageSize=1000&page=0&sort=name&colour=red")),
      400,
    );
    expect(bad.issues?.map((i) => i.field).sort()).toEqual(["colour", "function", "page", "pageSize", "sort"]);
  });
});

describe("GET /api/runs/:id", () => {
  it("shows a run with its steps and log lines", async () => {
    const id = ids['pipeline/scoring.requested:{"reason":"first"}'];
    const body = await documented(contracts.getRun, await getRun(request(`/api/runs/${id}`), segment({ id })), 200);
    expect(body.run).toMatchObject({
      id,
      functionId: "scoring",
      status: "completed",
      trigger: "manual",
      params: { reason: "first" },
    });
    expect(body.steps.map((s: { name: string }) => s.name)).toEqual(["score predictions", "check data freshness"]);
    expect(body.logs.length).toBeGreaterThanOrEqual(2);
    expect(body.logs[0]).toMatchObject({ level: "info", message: expect.stringMatching(/^scored \d+ predictions/) });
  });

  it("answers 404 for an id no run has", async () => {
    const error = await errorOf(await getRun(request("/api/runs/nope"), segment({ id: "nope" })), 404);
    expect(error.code).toBe("not_found:api");
  });
});

describe("POST /api/runs/:id/rerun", () => {
  it("repeats a requested run with the same event name and data", async () => {
    const id = ids['pipeline/scoring.requested:{"reason":"second"}'];
    const response = await rerun(request(`/api/runs/${id}/rerun`, { method: "POST" }), segment({ id }));
    const body = await documented(contracts.rerunRun, response, 202);
    expect(body).toMatchObject({ rerun_of: id, same_event: true, flow: "scoring", existing: false });
    const run = await executor.waitForRun(body.run_id);
    expect(run).toMatchObject({
      eventName: "pipeline/scoring.requested",
      params: { reason: "second" },
      trigger: "manual",
      status: "completed",
    });
  });

  it("repeats a cron run through its pipeline's request event with no parameters", async () => {
    const body = await documented(
      contracts.rerunRun,
      await rerun(request(`/api/runs/${ids.cron}/rerun`, { method: "POST" }), segment({ id: ids.cron })),
      202,
    );
    expect(body).toMatchObject({ rerun_of: ids.cron, same_event: false, flow: "scoring" });
    expect(await executor.waitForRun(body.run_id)).toMatchObject({
      eventName: "pipeline/scoring.requested",
      params: {},
      status: "completed",
    });
  });

  it("answers 404 for an unknown run and refuses callers that are not loopback", async () => {
    await errorOf(await rerun(request("/api/runs/nope/rerun", { method: "POST" }), segment({ id: "nope" })), 404);
    const id = ids.cron;
    const remote = await errorOf(
      await rerun(
        request(`/api/runs/${id}/rerun`, { method: "POST", headers: { "x-pl-remote-address": "192.0.2.10" } }),
        segment({ id }),
      ),
      403,
    );
    expect(remote.code).toBe("forbidden:auth");
  });
});
