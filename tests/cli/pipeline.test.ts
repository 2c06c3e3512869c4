import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// The CLI as a user runs it, in a child process with its own PGlite folder.
const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pipeline-cli-"));
const cli = (...args: string[]) =>
  run(path.join("node_modules", ".bin", "tsx"), ["lib/cli/pipeline.ts", ...args], {
    env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: "", LOG_LEVEL: "silent" },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run pipeline -- etl", () => {
  it("prints a progress line per file and a summary table", async () => {
    const { code, stdout } = await cli("etl", "--seasons", "2324,2425");
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[1\/3\] season 2324 +completed +380 read +380 new +0 updated +0 unchanged +0 quarantined/);
    expect(stdout).toMatch(/\[2\/3\] season 2425 +completed/);
    expect(stdout).toMatch(/\[3\/3\] fixtures 2627 +completed +380 read +380 new/);
    expect(stdout).toMatch(/^total +3 +3 +0 +0 +1140 +1140 +0 +0 +0\s*$/m);
  }, 120_000);

  it("skips unchanged files on the next run", async () => {
    const { code, stdout } = await cli("etl", "--seasons", "2324", "--no-fixtures");
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[1\/1\] season 2324 +skipped +unchanged since its last load/);
    expect(stdout).toContain("no match changed");
  }, 120_000);

  it("rejects bad arguments with the reason and the usage", async () => {
    const bad = await cli("etl", "--seasons", "2324,24x5");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--seasons: not season codes (expected YYZZ like 2324): 24x5");
    expect(bad.stderr).toContain("usage: npm run pipeline -- etl");
    const source = await cli("etl", "--source", "ftp");
    expect(source.code).toBe(2);
    expect(source.stderr).toContain('--source must be bundled or live (got "ftp")');
    expect((await cli("train")).stderr).toContain('unknown command "train"');
  }, 120_000);
});
