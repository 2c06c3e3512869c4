import { spawn, execSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import { percentile, printTable } from "@/lib/cli/print-table";
import { readSeed, seedDashboardDatabase, type SeedCounts } from "./dashboard-seed";

// `npm run bench -- dashboard [--requests 100] [--reseed] [--skip-build] [--port 3300]`
// Server render of the Overview against a production build with full data (33 seasons, 200+
// runs, 20 model versions made by real pipeline runs, see dashboard-seed.ts): time to first byte
// and to the whole document over repeated requests, beside /api/health on the same server.
// Target: Overview p50 time to first byte ≤ 150 ms.

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "100" },
    warmup: { type: "string", default: "10" },
    reseed: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    port: { type: "string", default: "3300" },
    dir: { type: "string", default: ".data/bench-dashboard" },
  },
});
const requests = Number(args.requests);
const port = Number(args.port);
const TARGET_MS = 150;

interface Timing {
  ttfb: number;
  total: number;
  status: number;
  body: string;
}

/** One GET: time to the response's first byte (status line and headers) and to its last. */
function get(path: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      const ttfb = performance.now() - started;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          ttfb,
          total: performance.now() - started,
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
  });
}

async function startServer(dir: string): Promise<ChildProcess> {
  const child = spawn("npx", ["next", "start", "-p", String(port)], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PGLITE_DIR: dir,
      DATABASE_URL: "",
      BOOTSTRAP: "off",
      SCHEDULES: "off",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
  });
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    try {
      if ((await get("/api/health")).status === 200) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not answer /api/health within 60 s");
}

async function measure(path: string, n: number): Promise<Timing[]> {
  const out: Timing[] = [];
  for (let i = 0; i < n; i++) out.push(await get(path));
  const bad = out.find((t) => t.status !== 200);
  if (bad) throw new Error(`${path} answered ${bad.status}`);
  return out;
}

function row(label: string, timings: Timing[]) {
  const ttfb = timings.map((t) => t.ttfb).sort((a, b) => a - b);
  const total = timings.map((t) => t.total).sort((a, b) => a - b);
  return {
    route: label,
    requests: timings.length,
    "TTFB p50 ms": percentile(ttfb, 50).toFixed(1),
    "TTFB p95 ms": percentile(ttfb, 95).toFixed(1),
    "document p50 ms": percentile(total, 50).toFixed(1),
    "document p95 ms": percentile(total, 95).toFixed(1),
    "max ms": total[total.length - 1].toFixed(1),
    KiB: (timings[0].body.length / 1024).toFixed(0),
  };
}

let seed: SeedCounts | null = args.reseed ? null : readSeed(args.dir);
if (!seed || seed.runs < 200 || seed.modelVersions < 20) {
  console.log(`seeding ${args.dir} with real pipeline runs (a few minutes, once)…`);
  seed = await seedDashboardDatabase({ dir: args.dir, versions: 20, runs: 210, log: (l) => console.log(`  ${l}`) });
} else {
  console.log(`reusing ${args.dir} (--reseed to rebuild it)`);
}
printTable([{ ...seed }], "database behind the Overview");

if (!args["skip-build"]) {
  const started = performance.now();
  execSync("npx next build", { stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  console.log(`\nproduction build: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const server = await startServer(args.dir);
try {
  await measure("/", Number(args.warmup));
  await measure("/api/health", Number(args.warmup));
  // Interleaved, so that both routes see the same machine load.
  const overview: Timing[] = [];
  const health: Timing[] = [];
  for (let i = 0; i < requests; i++) {
    overview.push(...(await measure("/", 1)));
    health.push(...(await measure("/api/health", 1)));
  }
  const html = overview.at(-1)!.body;
  // The document must carry the data, not only a loading shell.
  const runsShown = /Pipeline runs<\/dt><dd[^>]*>([\d,]+)</.exec(html)?.[1];
  const champion = /Our RPS<\/dt><dd[^>]*>(0\.\d{4})</.exec(html)?.[1];
  if (!runsShown || !champion) throw new Error("the Overview document lacks its run count or the champion's RPS");
  printTable(
    [row("GET / (Overview)", overview), row("GET /api/health", health)],
    `sequential requests against the production build (${requests} each, after ${args.warmup} warm-up)`,
  );
  const p50 = percentile(
    overview.map((t) => t.ttfb).sort((a, b) => a - b),
    50,
  );
  const healthP50 = percentile(
    health.map((t) => t.ttfb).sort((a, b) => a - b),
    50,
  );
  console.log(`\nOverview shows ${runsShown} pipeline runs and a champion with RPS ${champion}.`);
  console.log(
    `Overview TTFB p50 ${p50.toFixed(1)} ms: ${p50 <= TARGET_MS ? "ok" : "over"} the ${TARGET_MS} ms target; ${(p50 / healthP50).toFixed(1)}x /api/health.`,
  );
  console.log(
    `machine load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")} on ${os.availableParallelism()} cores`,
  );
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}
