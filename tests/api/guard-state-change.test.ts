import { afterEach, describe, expect, it } from "vitest";
import { POST as rollback } from "@/app/api/models/rollback/route";
import { GET as listRuns } from "@/app/api/runs/route";
import { POST as startEtl } from "@/app/api/workflows/etl/route";
import { POST as match } from "@/app/api/predictions/match/route";
import { GET as unknownRoute, POST as unknownPost } from "@/app/api/[...path]/route";
import { STATE_CHANGE_RATE } from "@/lib/api/guard-state-change";
import { DEFAULT_BODY_LIMIT_BYTES } from "@/lib/api/read-body";
import { withTestDatabase } from "../helpers/with-test-database";
import { errorOf, request, resetRateLimit, setApiKey } from "./api-test-kit";

// An empty database: every request here is decided before any pipeline or model is needed. A
// rollback that gets past the guard answers 409 (no earlier champion).
withTestDatabase();
afterEach(() => {
  setApiKey(undefined);
  resetRateLimit();
});

const KEY = "k3y-".repeat(6);
const rollbackWith = (headers: Record<string, string>, body: unknown = { reason: "test" }) =>
  rollback(request("/api/models/rollback", { method: "POST", body, headers }));

describe("state-changing routes without API_KEY", () => {
  it("accept loopback callers and refuse others, whatever they claim", async () => {
    expect((await rollbackWith({})).status).toBe(409);
    expect((await rollbackWith({ "x-pl-remote-address": "::1" })).status).toBe(409);
    const remote = await errorOf(
      await rollbackWith({ "x-pl-remote-address": "198.51.100.7", "x-forwarded-for": "127.0.0.1" }),
      403,
    );
    expect(remote).toMatchObject({ code: "forbidden:auth", message: expect.stringMatching(/loopback/) });
    await errorOf(await rollbackWith({ "x-pl-remote-address": "" }), 403);
  });

  it("refuse a browser's cross-site request, even from this machine", async () => {
    const error = await errorOf(await rollbackWith({ origin: "https://evil.example", host: "localhost:3000" }), 403);
    expect(error.message).toMatch(/Cross-site/);
    await errorOf(await rollbackWith({ "sec-fetch-site": "cross-site" }), 403);
    expect((await rollbackWith({ origin: "http://localhost:3000", host: "localhost:3000" })).status).toBe(409);
  });
});

describe("state-changing routes with API_KEY", () => {
  it("need the bearer key, from anywhere", async () => {
    setApiKey(KEY);
    const missing = await errorOf(await rollbackWith({}), 401);
    expect(missing.code).toBe("unauthorized:auth");
    await errorOf(await rollbackWith({ authorization: `Bearer ${KEY}x` }), 401);
    await errorOf(await rollbackWith({ authorization: KEY }), 401);
    expect((await rollbackWith({ authorization: `Bearer ${KEY}`, "x-pl-remote-address": "198.51.100.7" })).status).toBe(
      409,
    );
  });

  it("check the key before reading the body", async () => {
    setApiKey(KEY);
    await errorOf(await rollbackWith({}, "{not json"), 401);
  });
});

describe("reads", () => {
  it("stay open to anyone, key or not", async () => {
    setApiKey(KEY);
    expect((await listRuns(request("/api/runs", { headers: { "x-pl-remote-address": "198.51.100.7" } }))).status).toBe(
      200,
    );
  });
});

describe("bodies", () => {
  it("over the limit are refused with 413, declared or not", async () => {
    const big = { reason: "x".repeat(DEFAULT_BODY_LIMIT_BYTES) };
    expect((await errorOf(await rollbackWith({}, big), 413)).code).toBe("payload_too_large:api");
    expect(
      (await errorOf(await match(request("/api/predictions/match", { method: "POST", body: big })), 413)).details,
    ).toEqual({ maxBytes: DEFAULT_BODY_LIMIT_BYTES });
    const chunks = new ReadableStream({
      pull(controller) {
        controller.enqueue(new Uint8Array(4096).fill(32));
      },
    });
    const endless = new Request("http://localhost:3000/api/workflows/etl", {
      method: "POST",
      body: chunks,
      headers: { "x-pl-remote-address": "127.0.0.1", host: "localhost:3000" },
      duplex: "half",
    } as RequestInit);
    await errorOf(await startEtl(endless), 413);
  });
});

describe("the rate limit of state-changing routes", () => {
  it("answers 429 with Retry-After once a client's burst is spent, and counts clients apart", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < STATE_CHANGE_RATE.capacity; i++) statuses.push((await rollbackWith({})).status);
    expect(new Set(statuses)).toEqual(new Set([409]));
    const limited = await rollbackWith({});
    const body = await errorOf(limited, 429);
    expect(body.code).toBe("rate_limited:api");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another loopback address is another client.
    expect((await rollbackWith({ "x-pl-remote-address": "127.0.0.2" })).status).toBe(409);
    // Callers refused for their address count too: guessing is slowed as well.
    for (let i = 0; i < STATE_CHANGE_RATE.capacity; i++) await rollbackWith({ "x-pl-remote-address": "198.51.100.8" });
    await errorOf(await rollbackWith({ "x-pl-remote-address": "198.51.100.8" }), 429);
  });
});

describe("unknown API paths", () => {
  it("answer a JSON 404 in the one error shape", async () => {
    const error = await errorOf(await unknownRoute(request("/api/nothing/here")), 404);
    expect(error.message).toMatch(/No API route GET \/api\/nothing\/here/);
    await errorOf(await unknownPost(request("/api/predict", { method: "POST", body: {} })), 404);
  });
});
