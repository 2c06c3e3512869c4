import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema } from "@/lib/env";
import { copyStep, execForm, readDockerfile, ROOT, runnerStage } from "./dockerfile";

// The Dockerfile is not built here (no Docker engine). tests/deploy/standalone-server.test.ts runs
// its runner stage's layout, CMD and HEALTHCHECK; this checks the rest of what can be read.

const stages = readDockerfile();
const runner = runnerStage(stages);
const build = stages[0];

describe("Dockerfile", () => {
  it("builds on the Node major of .nvmrc in both stages", () => {
    const major = fs.readFileSync(path.join(ROOT, ".nvmrc"), "utf8").trim();
    for (const stage of stages) expect(stage.image).toMatch(new RegExp(`^node:${major}-`));
  });

  it("installs with the patches in place, then builds as CI does", () => {
    const steps = build.instructions.map((i) => `${i.keyword} ${i.args}`);
    const install = steps.indexOf("RUN npm ci --no-audit --no-fund");
    expect(install).toBeGreaterThan(steps.indexOf("COPY patches ./patches"));
    expect(steps.indexOf("COPY patches ./patches")).toBeGreaterThan(-1);
    expect(steps.slice(install)).toEqual(["RUN npm ci --no-audit --no-fund", "COPY . .", "RUN npm run build"]);
  });

  it("runs the standalone server as a user that is not root, on the port it exposes, with a health check", () => {
    expect(runner.user).toBeDefined();
    expect(["root", "0"]).not.toContain(runner.user);
    expect(runner.cmd).toEqual(["node", "server.js"]);
    expect(runner.expose).toEqual([runner.env.PORT]);
    expect(runner.env.HOSTNAME).toBe("0.0.0.0");
    const check = execForm(runner.healthcheck!.slice(runner.healthcheck!.indexOf("CMD")));
    expect(check.join(" ")).toContain("/api/health");
  });

  it("copies only the standalone output, its static files and public/ into the image", () => {
    const copies = runner.stage.instructions.filter((i) => i.keyword === "COPY").map(copyStep);
    expect(copies.map((c) => [c.from, ...c.sources])).toEqual([
      ["build", "/app/.next/standalone"],
      ["build", "/app/.next/static"],
      ["build", "/app/public"],
    ]);
  });

  it("sets only variables that lib/env.ts or Next's standalone server reads", () => {
    const next = ["PORT", "HOSTNAME", "NEXT_TELEMETRY_DISABLED"];
    const known = [...Object.keys(envSchema.shape), ...next];
    expect(Object.keys(runner.env).filter((name) => !known.includes(name))).toEqual([]);
  });
});

describe(".dockerignore", () => {
  const ignored = fs
    .readFileSync(path.join(ROOT, ".dockerignore"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));

  it("keeps local installs, builds, databases and secrets out of the build context", () => {
    for (const name of ["node_modules", ".next", ".data", ".env", ".git"]) expect(ignored).toContain(name);
  });

  it("keeps what the build needs in it", () => {
    const needed = ["data", "db", "patches", "public", "app", "lib", "inngest", "package-lock.json"];
    for (const pattern of ignored) {
      const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}(/|$)`);
      expect(needed.filter((name) => re.test(name))).toEqual([]);
    }
  });
});
