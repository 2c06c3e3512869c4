import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { modelVersions, pipelineRuns } from "@/db/schema";

// The CLI as a user runs it, in a child process with its own PGlite folder.
const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pipeline-cli-"));
const cliIn =
  (pgliteDir: string) =>
  (...args: string[]) =>
    run(path.join("node_modules", ".bin", "tsx"), ["runtime/pipeline-cli.ts", ...args], {
      env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: "", LOG_LEVEL: "silent" },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
const cli = Object.assign(cliIn(dir), { in: cliIn });

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run pipeline", () => {
  it("etl runs the etl function with a progress line per file and a summary table", async () => {
    const { code, stdout } = await cli("etl", "--seasons", "2324,2425");
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /\[1\/3\] data\/football-data-co-uk\/E0_2324\.csv: completed, 380 read, 380 new, 0 updated, 0 quarantined/,
    );
    expect(stdout).toMatch(/\[2\/3\] data\/football-data-co-uk\/E0_2425\.csv: completed/);
    expect(stdout).toMatch(/fixturedownload_epl-2026-UTC\.csv: completed, 380 read, 380 new/);
    expect(stdout).toMatch(/^total +3 +3 +0 +0 +1140 +1140 +0 +0 +0\s*$/m);
    // The events it sent queue the follow-up pipelines for the server.
    expect(stdout).toMatch(/^[0-9a-f]{8} +etl +manual +completed/m);
    expect(stdout).toMatch(/^[0-9a-f]{8} +training +event +queued/m);
  }, 120_000);

  it("etl skips unchanged files on the next run", async () => {
    const { code, stdout } = await cli("etl", "--seasons", "2324", "--no-fixtures");
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[1\/1\] data\/football-data-co-uk\/E0_2324\.csv: skipped/);
    expect(stdout).toMatch(/^total +1 +0 +1 +0 /m);
  }, 120_000);

  it("training evaluates, registers and promotes with the given parameters", async () => {
    const params = JSON.stringify({ nTrees: 30, maxDepth: 5, minSamplesLeaf: 40, maxFeatures: 0.5 });
    const { code, stdout, stderr } = await cli("training", "--params", params, "--test-seasons", "2425");
    expect(code, stdout + stderr).toBe(0);
    // Each regime's model, walked forward on its own.
    expect(stdout).toMatch(/odds-free 2425: fitting on 380 matches, forecasting 380/);
    expect(stdout).toMatch(/with-odds 2425: fitting on 380 matches, forecasting 380/);
    expect(stdout).toMatch(
      /v1: promoted \(first champion: RPS odds-free 0\.\d{4}, with-odds 0\.\d{4} beat base rates 0\.\d{4}\)/,
    );
    expect(stdout).toMatch(/^[0-9a-f]{8} +training +manual +completed/m);
  }, 180_000);

  it("all on a fresh database trains once: the ETL's follow-up training finds the version it would register", async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "pipeline-cli-all-"));
    try {
      const { code, stdout } = await cli.in(fresh)("all");
      expect(code, stdout).toBe(0);
      expect(stdout).toMatch(/^[0-9a-f]{8} +training +manual +completed/m);
      expect(stdout).toMatch(/^[0-9a-f]{8} +training +event +completed/m);
      const handle = await openDatabase({ driver: "pglite", dir: fresh });
      try {
        expect(await handle.db.select({ version: modelVersions.version }).from(modelVersions)).toEqual([
          { version: 1 },
        ]);
        const trainings = await handle.db.select().from(pipelineRuns).where(eq(pipelineRuns.functionId, "training"));
        expect(trainings.map((r) => r.output)).toContainEqual(
          expect.objectContaining({ skipped: true, twinVersion: 1 }),
        );
      } finally {
        await handle.close();
      }
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  }, 300_000);

  it("rejects bad arguments with the reason and the usage", async () => {
    const bad = await cli("etl", "--seasons", "2324,24x5");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--seasons: not season codes (expected YYZZ like 2324): 24x5");
    expect(bad.stderr).toContain("usage: npm run pipeline -- <etl|training|predictions|scoring|all>");
    const source = await cli("etl", "--source", "ftp");
    expect(source.code).toBe(2);
    expect(source.stderr).toContain('--source must be auto, bundled or live (got "ftp")');
    expect((await cli("train")).stderr).toContain('unknown command "train"');
    expect((await cli("scoring", "--seasons", "2324")).stderr).toContain("--seasons is an etl option");
  }, 120_000);
});
