import os from "node:os";
import autocannon from "autocannon";
import { buildApp, startApp, waitFor } from "./next-server";
import { printTable, timed } from "@/lib/cli/print-table";

// `npm run bench -- api [--skip-build] [--duration 30] [--connections 50]`: a production build
// served by `next start` on a fresh database (it bootstraps itself), then autocannon against a
// trivial GET route and POST /api/predictions/match on the same server, in the same run.
// Targets: match p99 ≤ 25 ms; match throughput ≥ 70% of the trivial route's.

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const duration = Number(option("duration") ?? 30);
const connections = Number(option("connections") ?? 50);

interface Status {
  components: {
    model: { status: string; version?: number };
    executor: { queued?: number; running?: number };
    database: { counts?: { predictions: number } };
  };
}
interface Fixture {
  homeTeam: { name: string };
  awayTeam: { name: string };
  kickoff: string;
}

if (!args.includes("--skip-build")) {
  console.log("building (next build) …");
  console.log(`built in ${((await timed(() => buildApp())).ms / 1000).toFixed(1)} s`);
}
const server = await startApp();
try {
  const get = async <T>(path: string) => (await fetch(server.url + path)).json() as Promise<T>;
  const { ms: bootMs } = await timed(() =>
    waitFor(
      "a champion and idle pipelines (/api/status)",
      async () => {
        const s = await get<Status>("/api/status");
        return s.components.model.status === "up" &&
          s.components.executor.queued === 0 &&
          s.components.executor.running === 0
          ? s
          : null;
      },
      300_000,
    ),
  );
  console.log(`server ready with a champion after ${(bootMs / 1000).toFixed(1)} s (ETL → training → predictions)`);

  // Real pairings from the stored fixtures; every other one with odds of its own.
  const { fixtures } = await get<{ fixtures: Fixture[] }>("/api/predictions/upcoming?limit=40");
  const bodies = fixtures.map((f, i) =>
    JSON.stringify({
      home_team: f.homeTeam.name,
      away_team: f.awayTeam.name,
      kickoff: f.kickoff,
      ...(i % 2 ? { home_odds: 2.4, draw_odds: 3.3, away_odds: 3.1 } : {}),
    }),
  );
  const match = {
    url: `${server.url}/api/predictions/match`,
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    requests: bodies.map((body) => ({ body })),
  };
  const trivial = { url: `${server.url}/api/health` };

  const run = (target: autocannon.Options, seconds: number, clients = connections) =>
    autocannon({ ...target, connections: clients, duration: seconds });
  const before = (await get<Status>("/api/status")).components.database.counts!.predictions;
  // Warm-up: JIT, route bundles, the feature engines and the model in memory.
  await run(trivial, 3);
  await run(match, 3);
  const stored0 = (await get<Status>("/api/status")).components.database.counts!.predictions;
  const load = os.loadavg()[0];
  const health = await run(trivial, duration);
  const predict = await run(match, duration);
  const after = (await get<Status>("/api/status")).components.database.counts!.predictions;
  // One connection: the service time of each route without queueing behind 49 others.
  const healthAlone = await run(trivial, 10, 1);
  const predictAlone = await run(match, 10, 1);

  const row = (name: string, r: autocannon.Result) => ({
    route: name,
    "req/s": Math.round(r.requests.average),
    "p50 ms": r.latency.p50,
    "p99 ms": r.latency.p99,
    "max ms": r.latency.max,
    requests: r.requests.total,
    "non-2xx": r.non2xx,
    errors: r.errors,
  });
  printTable(
    [row("GET /api/health (trivial)", health), row("POST /api/predictions/match", predict)],
    `${connections} connections, ${duration} s each`,
  );
  printTable(
    [row("GET /api/health (trivial)", healthAlone), row("POST /api/predictions/match", predictAlone)],
    "1 connection, 10 s each",
  );
  console.log(
    `\nmachine load average (1 min): ${load.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after, on ${os.availableParallelism()} cores`,
  );
  const ratio = predict.requests.average / health.requests.average;
  console.log(
    `\nthroughput ratio match / trivial: ${(ratio * 100).toFixed(1)}% (target ≥ 70%: ${ratio >= 0.7 ? "met" : "NOT met"})`,
  );
  console.log(
    `match p99: ${predict.latency.p99} ms (target ≤ 25 ms: ${predict.latency.p99 <= 25 ? "met" : "NOT met"}); trivial p99: ${health.latency.p99} ms`,
  );
  // Requests still in flight when autocannon stops are answered and stored, but not counted.
  const stored = after - stored0;
  const answered = predict["2xx"];
  console.log(
    `ad-hoc predictions stored during the measured run: ${stored} for ${answered} answered (+ up to ${connections} in flight at the end; warm-up stored ${stored0 - before})`,
  );
  if (stored < answered || stored > answered + connections || predict.non2xx > 0) {
    console.error("FAILED: every answered prediction must be stored, and none may fail");
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error, "\nserver output:\n" + server.tail());
  process.exitCode = 1;
} finally {
  await server.stop();
}
