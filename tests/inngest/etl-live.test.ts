import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleInngestRequest } from "@/inngest/serve-handler";
import type { EmbeddedExecutor } from "@/lib/executor/embedded-executor";
import { startEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { resetEnvCache } from "@/lib/env";
import { getRunById } from "@/lib/runs/run-queries";
import { startLocalServer, type LocalServer } from "../data/local-server";
import { withTestDatabase } from "../helpers/with-test-database";

// The daily live ETL in early August: football-data.co.uk has not published the new season's file
// yet. A local server stands in for it, serving the bundled files and a 404 for 2026/27.
const ctx = withTestDatabase();
let server: LocalServer;
let executor: EmbeddedExecutor;
beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const match = /^\/mmz4281\/(\d{4})\/E0\.csv$/.exec(req.url ?? "");
    const file = match && path.join("data", "football-data-co-uk", `E0_${match[1]}.csv`);
    if (!file || !fs.existsSync(file)) return void res.writeHead(404).end("Not Found");
    res.writeHead(200, { "content-type": "text/csv" }).end(fs.readFileSync(file));
  });
  process.env.FOOTBALL_DATA_CO_UK_BASE_URL = `${server.url}/mmz4281`;
  resetEnvCache();
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-08-10T06:00:00Z") });
  executor = await startEmbeddedExecutor({ endpoint: handleInngestRequest });
});

/** Runs the app's etl function on the embedded executor; the run with its steps once it ends. */
async function etlRun(data: Record<string, unknown>) {
  const { runIds } = await executor.dispatch({ name: "pipeline/etl.requested", data }, { trigger: "manual" });
  const [etlRunId] = runIds;
  await executor.waitForRun(etlRunId);
  return (await getRunById({ db: ctx.handle.db, id: etlRunId }))!;
}
afterAll(async () => {
  vi.useRealTimers();
  delete process.env.FOOTBALL_DATA_CO_UK_BASE_URL;
  resetEnvCache();
  await server?.close();
});

describe("the live ETL before a season's file is published", () => {
  it("loads every published season and skips the new one's 404 without failing the run", async () => {
    const { run, steps } = await etlRun({ source: "live", fixtures: false });
    expect(run).toMatchObject({ status: "completed", error: null });
    // Not published is what that step found out, not a failure of it.
    expect(steps.find((s) => s.name === "ingest season 2627")).toMatchObject({ status: "completed" });
    const output = run.output as {
      totals: { files: number; completed: number; failed: number };
      files: { season: string; status: string; httpStatus?: number }[];
    };
    expect(output.totals).toMatchObject({ files: 33, completed: 33, failed: 0 });
    expect(output.files.at(-1)).toMatchObject({ season: "2627", status: "failed", httpStatus: 404 });
    expect(server.requests.filter((r) => r.path === "/mmz4281/2627/E0.csv")).toHaveLength(1);
  }, 180_000);

  it("still fails the run when a season asked for by name is missing", async () => {
    const { run, steps } = await etlRun({ source: "live", seasons: ["2627"], fixtures: false });
    expect(run).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/1 of 1 files failed: .*2627\/E0\.csv.*404/),
    });
    // The run page badges the step that failed as failed (it once said "completed").
    expect(steps.filter((s) => s.name === "ingest season 2627")).toEqual([
      expect.objectContaining({ status: "failed", error: expect.stringContaining("404") }),
    ]);
  });
});
