import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execForm, readDockerfile, ROOT, runnerStage } from "./dockerfile";
import { processGroup, spawnIsolated, type IsolatedProcess } from "./isolated-process";

// `npm run test:standalone`: the production build's standalone server, laid out as the
// Dockerfile's runner stage lays it out, in an empty folder, with the checkout out of its reach.
// STANDALONE_SKIP_BUILD=1 reuses the build already made (CI builds once, before this step).

const stages = readDockerfile();
const runner = runnerStage(stages);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "standalone-"));
const appDir = path.join(work, runner.workdir.replace(/^\//, ""));

/** The runner stage's `COPY --from=<stage> /app/x dest` lines, run against the checkout the build stage ran in. */
function assembleAsTheDockerfileDoes(): string[] {
  const done: string[] = [];
  for (const copy of runner.copies) {
    const stage = stages.find((s) => s.name === copy.from);
    if (!stage) throw new Error(`COPY without a build stage to copy from: ${JSON.stringify(copy)}`);
    const buildDir = stage.instructions.findLast((i) => i.keyword === "WORKDIR")!.args;
    for (const source of copy.sources) {
      const from = path.join(ROOT, path.relative(buildDir, source));
      const to = path.resolve(appDir, copy.destination);
      // COPY of a folder copies what is in it; symlinks (Next's hashed package links) stay links.
      fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
      done.push(path.relative(ROOT, from));
    }
  }
  return done;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A container's environment: the image's ENV, a PATH for `node`, and nothing from this test process. */
function imageEnv(extra: Record<string, string>): Record<string, string | undefined> {
  return { PATH: process.env.PATH, HOME: work, ...runner.env, ...extra };
}

function startServer(extra: Record<string, string>, readOnly: string[] = []): IsolatedProcess {
  return spawnIsolated({ command: runner.cmd, cwd: appDir, env: imageEnv(extra), hide: [ROOT], readOnly });
}

function runHealthcheck(port: number): number | null {
  const [program, ...args] = execForm(runner.healthcheck!.slice(runner.healthcheck!.indexOf("CMD")));
  const env = imageEnv({ PORT: String(port) }) as NodeJS.ProcessEnv;
  return spawnSync(program, args, { env, timeout: 10_000 }).status;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, server: IsolatedProcess, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited before ${what}:\n${server.output()}`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no ${what} within ${ms / 1000} s:\n${server.output().slice(-5000)}`);
}

beforeAll(() => {
  if (process.env.STANDALONE_SKIP_BUILD !== "1") {
    const build = spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit", env: process.env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  if (!fs.existsSync(path.join(ROOT, ".next/standalone/server.js"))) {
    throw new Error("no .next/standalone/server.js: run `npm run build` (output: standalone) first");
  }
  expect(assembleAsTheDockerfileDoes()).toEqual([".next/standalone", ".next/static", "public"]);
}, 600_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Every file under `dir` with its sha256, by path relative to `dir`. */
function fileHashes(dir: string): Record<string, string> {
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  return Object.fromEntries(
    files.map((f) => path.join(f.parentPath, f.name)).map((f) => [path.relative(dir, f), sha256(f)]),
  );
}

describe("the build", () => {
  it("records the Inngest route's maxDuration where deployment platforms read it", () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(ROOT, ".next/server/functions-config-manifest.json"), "utf8"),
    );
    expect(manifest.functions["/api/inngest"]).toEqual({ maxDuration: 300 });
  });
});

describe("the traced files", () => {
  // The tracer finds the season files and migrations by itself; outputFileTracingIncludes makes the
  // whole snapshot ship (with data/README.md, SHA256SUMS and notes.txt, which nothing imports).
  it.each(["data", "db/migrations"])("carry all of %s, byte for byte", (folder) => {
    expect(fileHashes(path.join(appDir, folder))).toEqual(fileHashes(path.join(ROOT, folder)));
  });

  it("carry PGlite's WebAssembly and data files", () => {
    const dist = "node_modules/@electric-sql/pglite/dist";
    for (const file of ["pglite.wasm", "pglite.data", "initdb.wasm"]) {
      expect(sha256(path.join(appDir, dist, file))).toBe(sha256(path.join(ROOT, dist, file)));
    }
  });
});

describe("the standalone server, alone in an empty folder", () => {
  let server: IsolatedProcess;
  let port: number;
  const url = (p: string) => `http://127.0.0.1:${port}${p}`;

  beforeAll(async () => {
    port = await freePort();
    server = startServer({ PORT: String(port) });
    await waitFor("health", async () => ((await fetch(url("/api/health"))).ok ? true : undefined), server, 60_000);
  }, 90_000);

  afterAll(async () => server?.stop());

  it("runs with its working folder in the copy and the checkout hidden from it", () => {
    const node = processGroup(server.child).find((pid) =>
      path.basename(fs.readlinkSync(`/proc/${pid}/exe`)).startsWith("node"),
    );
    expect(node).toBeDefined();
    expect(fs.readlinkSync(`/proc/${node}/cwd`)).toBe(appDir);
    // The server's own view of the file system: an empty read-only tmpfs over the checkout.
    const mounts = fs.readFileSync(`/proc/${node}/mountinfo`, "utf8").split("\n");
    expect(mounts.some((m) => m.split(" ")[4] === ROOT && / - tmpfs /.test(m) && /\bro\b/.test(m))).toBe(true);
  });

  it("bootstraps itself from the bundled data to a champion and predictions", async () => {
    type Status = {
      components: {
        database: {
          driver: string;
          location: string;
          counts: { matchesFinished: number; matchesScheduled: number; predictions: number };
        };
        model: { status: string; version?: number };
        pipelines: Record<string, { status: string } | null>;
      };
    };
    const status = await waitFor(
      "champion and predictions",
      async () => {
        const s = (await (await fetch(url("/api/status"))).json()) as Status;
        return s.components.model.status === "up" && s.components.pipelines.predictions?.status === "completed"
          ? s
          : undefined;
      },
      server,
      300_000,
    );
    const { database, model } = status.components;
    expect(database.driver).toBe("pglite");
    expect(database.location).toBe(path.join(appDir, ".data/pglite"));
    // 33 bundled seasons of 380 matches (1993/94-1994/95 had 462 each) and the 2026/27 fixture list.
    expect(database.counts.matchesFinished).toBe(12_704);
    expect(database.counts.matchesScheduled).toBe(380);
    expect(model.version).toBe(1);
    expect(server.output()).toContain("data/football-data-co-uk/E0_2526.csv: completed, 380 read, 380 new");
  }, 320_000);

  it("answers the API: upcoming predictions, a single match, the OpenAPI document", async () => {
    const upcoming = (await (await fetch(url("/api/predictions/upcoming?limit=5"))).json()) as {
      championVersion: number;
      fixtures: { prediction: { modelVersion: number; probabilities: Record<string, number> } | null }[];
    };
    expect(upcoming.championVersion).toBe(1);
    expect(upcoming.fixtures).toHaveLength(5);
    for (const { prediction } of upcoming.fixtures) {
      expect(prediction?.modelVersion).toBe(1);
      const { home, draw, away } = prediction!.probabilities;
      expect(home + draw + away).toBeCloseTo(1, 6);
    }
    const match = await fetch(url("/api/predictions/match"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        home_team: "Arsenal",
        away_team: "Man Utd",
        home_odds: 1.9,
        draw_odds: 3.6,
        away_odds: 4.2,
      }),
    });
    expect(match.status).toBe(200);
    expect(await match.json()).toMatchObject({ homeTeam: { name: "Arsenal" }, awayTeam: { name: "Man United" } });
    expect((await fetch(url("/api/openapi.json"))).status).toBe(200);
  });

  it("serves the dashboard with its static assets and public files from the copy", async () => {
    const page = await fetch(url("/"));
    expect(page.status).toBe(200);
    const html = await page.text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    expect((await fetch(url(asset!))).status).toBe(200);
    expect(await (await fetch(url("/robots.txt"))).text()).toContain("Disallow: /api/");
  });

  it("passes the Dockerfile's HEALTHCHECK while up, and fails it once stopped", async () => {
    expect(runHealthcheck(port)).toBe(0);
    await server.stop();
    expect(runHealthcheck(port)).not.toBe(0);
  });
});

describe("the standalone server refuses at startup what cannot work", () => {
  async function refusal(extra: Record<string, string>, readOnly: string[] = []): Promise<string> {
    const server = startServer({ PORT: String(await freePort()), ...extra }, readOnly);
    const deadline = setTimeout(() => void server.stop(), 60_000);
    const code = await server.exited;
    clearTimeout(deadline);
    expect(code).toBe(1);
    return server.output();
  }

  it("on a serverless host without DATABASE_URL and Inngest, naming both variables", async () => {
    const output = await refusal({ VERCEL: "1" });
    expect(output).toContain("DATABASE_URL: required on a serverless host (VERCEL is set)");
    expect(output).toContain("INNGEST_EVENT_KEY: required on a serverless host (VERCEL is set)");
  }, 70_000);

  it("on a read-only file system without DATABASE_URL, naming PGLITE_DIR and the system's reason", async () => {
    // The image's default folder (.data/pglite), on a read-only mount.
    const data = path.join(appDir, ".data");
    fs.mkdirSync(data, { recursive: true });
    const output = await refusal({}, [data]);
    expect(output).toContain(`PGLITE_DIR: the embedded database cannot write to ${path.join(data, "pglite")} (EROFS)`);
  }, 70_000);
});

describe("npm start's server (runtime/start-standalone.mjs), in the checkout", () => {
  it("serves the same standalone build with the checkout's relative PGLITE_DIR and its static files", async () => {
    const port = await freePort();
    const folder = `.data/standalone-npm-start-${process.pid}`;
    const server = spawnIsolated({
      command: ["node", "runtime/start-standalone.mjs"],
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: String(port), PGLITE_DIR: folder, BOOTSTRAP: "off" },
      hide: [],
    });
    try {
      const url = (p: string) => `http://127.0.0.1:${port}${p}`;
      const status = await waitFor(
        "status",
        async () =>
          (await fetch(url("/api/status"))).json() as Promise<{ components: { database: { location: string } } }>,
        server,
        60_000,
      );
      expect(status.components.database.location).toBe(path.join(ROOT, folder));
      const asset = /\/_next\/static\/[^"']+\.js/.exec(await (await fetch(url("/"))).text())?.[0];
      expect((await fetch(url(asset!))).status).toBe(200);
      expect(server.output()).not.toContain("does not work with");
    } finally {
      await server.stop();
      fs.rmSync(path.join(ROOT, folder), { recursive: true, force: true });
      fs.rmSync(path.join(ROOT, `${folder}.lock`), { force: true });
    }
  }, 90_000);
});
