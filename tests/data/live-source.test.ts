import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestBatches, matches } from "@/db/schema";
import type { EtlProgress } from "@/lib/data/batch-summary";
import { fetchBytes, parseRetryAfter } from "@/lib/data/http-fetch";
import { ingestSeasonFile } from "@/lib/data/ingest-season-file";
import { runEtl } from "@/lib/data/run-etl";
import { SourceError } from "@/lib/data/source-error";
import { withTestDatabase } from "../helpers/with-test-database";
import { startLocalServer, type LocalServer } from "./local-server";

// Live mode against a local HTTP server standing in for football-data.co.uk: it serves the real
// bundled files under /<behaviour>/<season>/E0.csv.

const bundled = (season: string) => fs.readFileSync(path.join("data", "football-data-co-uk", `E0_${season}.csv`));
const fast = { timeoutMs: 1_000, retries: 3, backoffMs: 20 };

const ctx = withTestDatabase();
let server: LocalServer;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const [, behaviour, season] = req.url!.split("/");
    const n = (hits.get(req.url!) ?? 0) + 1;
    hits.set(req.url!, n);
    if (behaviour === "flaky" && n <= 2) return void res.writeHead(503, "Service Unavailable").end("busy");
    if (behaviour === "hang") return void res.writeHead(200, { "content-type": "text/csv" }).write("Div,Date,");
    if (behaviour === "silent") return; // accepts the request and never answers
    if (!fs.existsSync(path.join("data", "football-data-co-uk", `E0_${season}.csv`)))
      return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/csv" }).end(bundled(season));
  });
});
afterAll(async () => {
  await server?.close();
});

const seasonCount = async (season: string) =>
  (await ctx.handle.db.select({ n: count() }).from(matches).where(eq(matches.season, season)))[0].n;

describe("live season files", () => {
  it("loads seasons over HTTP exactly as from the bundle, recording the URL", async () => {
    const summary = await runEtl({
      db: ctx.handle.db,
      source: "live",
      baseUrl: `${server.url}/ok`,
      seasons: ["2324", "2425"],
      fixtures: false,
      http: fast,
      runId: "run-live-1",
    });
    expect(summary.runId).toBe("run-live-1");
    expect(summary.files.map((f) => [f.location, f.status, f.inserted, f.quarantined])).toEqual([
      [`${server.url}/ok/2324/E0.csv`, "completed", 380, 0],
      [`${server.url}/ok/2425/E0.csv`, "completed", 380, 0],
    ]);
    expect(await seasonCount("2425")).toBe(380);
    const batches = await ctx.handle.db.select().from(ingestBatches).where(eq(ingestBatches.runId, "run-live-1"));
    expect(batches.map((b) => b.location).sort()).toEqual([
      `${server.url}/ok/2324/E0.csv`,
      `${server.url}/ok/2425/E0.csv`,
    ]);
    // The same bytes again: skipped without writing.
    const again = await ingestSeasonFile({
      db: ctx.handle.db,
      season: "2324",
      source: "live",
      baseUrl: `${server.url}/ok`,
      http: fast,
    });
    expect(again.status).toBe("skipped");
  });

  it("retries a 503 with backoff and succeeds on the third attempt", async () => {
    const events: EtlProgress[] = [];
    const summary = await runEtl({
      db: ctx.handle.db,
      source: "live",
      baseUrl: `${server.url}/flaky`,
      seasons: ["2223"],
      fixtures: false,
      http: fast,
      onProgress: (e) => void events.push(e),
    });
    const retries = events.filter((e) => e.type === "retry");
    expect(retries).toEqual([
      {
        type: "retry",
        location: `${server.url}/flaky/2223/E0.csv`,
        attempt: 1,
        delayMs: 20,
        reason: "HTTP 503 Service Unavailable",
      },
      {
        type: "retry",
        location: `${server.url}/flaky/2223/E0.csv`,
        attempt: 2,
        delayMs: 40,
        reason: "HTTP 503 Service Unavailable",
      },
    ]);
    expect(hits.get("/flaky/2223/E0.csv")).toBe(3);
    expect(summary.files[0]).toMatchObject({ status: "completed", inserted: 380 });
  });

  it.each([
    ["hang", "headers, then a body that never ends"],
    ["silent", "no answer at all"],
  ])("gives up on a hanging response (%s: %s) with a clear error naming the URL", async (behaviour) => {
    const started = performance.now();
    const summary = await ingestSeasonFile({
      db: ctx.handle.db,
      season: "2122",
      source: "live",
      baseUrl: `${server.url}/${behaviour}`,
      http: { timeoutMs: 300, retries: 1, backoffMs: 10 },
    });
    const elapsed = performance.now() - started;
    expect(summary).toMatchObject({ status: "failed", retriable: true, inserted: 0 });
    expect(summary.error).toBe(
      `Could not fetch ${server.url}/${behaviour}/2122/E0.csv: no complete answer within 300 ms (2 attempts)`,
    );
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(await seasonCount("2122")).toBe(0);
  });

  it("does not retry a 404 and says so", async () => {
    const summary = await ingestSeasonFile({
      db: ctx.handle.db,
      season: "2627",
      source: "live",
      baseUrl: `${server.url}/ok`,
      http: fast,
    });
    expect(summary).toMatchObject({ status: "failed", retriable: false });
    expect(summary.error).toBe(`${server.url}/ok/2627/E0.csv answered HTTP 404 Not Found`);
    expect(hits.get("/ok/2627/E0.csv")).toBe(1);
  });

  it("names the URL when nothing listens there", async () => {
    const closed = await startLocalServer(() => {});
    const url = `${closed.url}/2324/E0.csv`;
    await closed.close();
    const error = await fetchBytes(url, { timeoutMs: 500, retries: 1, backoffMs: 10 }).catch((e) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toBe(`Could not fetch ${url}: ECONNREFUSED (2 attempts)`);
  });

  it("does not retry a host name that does not resolve", async () => {
    const retries: number[] = [];
    const url = "http://nonexistent.invalid/2324/E0.csv"; // .invalid never resolves (RFC 6761)
    const error = await fetchBytes(url, { ...fast, onRetry: (r) => retries.push(r.attempt) }).catch((e) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toBe(`Could not fetch ${url}: ENOTFOUND (no such host)`);
    expect(error.retriable).toBe(false);
    expect(retries).toEqual([]);
  });
});

describe("Retry-After", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", Date.parse("2015-10-21T07:28:00Z"))).toBe(30_000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
