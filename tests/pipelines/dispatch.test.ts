import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EventValidationError } from "@/lib/executor/event-input";
import { getDb } from "@/db/client";
import { withTestDatabase } from "../helpers/with-test-database";

withTestDatabase();

describe("dispatch without Inngest configured", () => {
  it("needs the embedded executor running in this process", async () => {
    const { dispatch } = await import("@/lib/pipelines/dispatch");
    await expect(dispatch({ name: "pipeline/etl.requested" })).rejects.toThrow(/embedded executor is not running/);
  });

  it("hands events to the embedded executor driving the app's own serve handler", async () => {
    const { dispatch } = await import("@/lib/pipelines/dispatch");
    const { startRunner } = await import("@/runtime/start-runner");
    const executor = await startRunner({ db: await getDb() });
    expect(executor.kind).toBe("embedded");
    expect((await executor.functions()).map((f) => f.id)).toEqual(
      (await import("@/inngest/index")).functions.map((f) => f.id()),
    );
    const result = await dispatch({ name: "test/nobody-listens", data: { a: 1 } }, { dedupe: true });
    expect(result).toMatchObject({ executor: "embedded", runIds: [], existingRunIds: [] });
    await expect(dispatch({ name: "" })).rejects.toThrow(EventValidationError);
  });
});

describe("dispatch with Inngest configured (INNGEST_DEV)", () => {
  const received: { url: string; body: unknown }[] = [];
  // Stands in for the Inngest dev server's event API: the only network edge of this path.
  const server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      const body = JSON.parse(text) as { id: string }[];
      received.push({ url: req.url ?? "", body });
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ ids: body.map((e) => e.id), status: 200 }));
    });
  });
  const saved = { ...process.env };

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.INNGEST_DEV = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    vi.resetModules();
  });
  afterAll(async () => {
    process.env = saved;
    vi.resetModules();
    await new Promise((resolve) => server.close(resolve));
  });

  it("sends the events through inngest.send and returns their ids", async () => {
    const { dispatch } = await import("@/lib/pipelines/dispatch");
    const { startRunner } = await import("@/runtime/start-runner");
    const runner = await startRunner({ db: await getDb() });
    expect(runner.kind).toBe("inngest");
    // The functions are read from the app's own serve handler (signed with INNGEST_SIGNING_KEY).
    expect((await runner.functions()).map((f) => f.id)).toEqual(["etl", "training", "predictions", "scoring"]);
    const result = await dispatch(
      { name: "pipeline/etl.requested", id: "ev-1", data: { seasons: ["2425"] } },
      { dedupe: true },
    );
    expect(result).toEqual({ executor: "inngest", eventIds: ["ev-1"], runIds: [], existingRunIds: [] });
    expect(received).toHaveLength(1);
    expect(received[0].url).toMatch(/^\/e\//);
    expect(received[0].body).toEqual([
      expect.objectContaining({ id: "ev-1", name: "pipeline/etl.requested", data: { seasons: ["2425"] } }),
    ]);
  });
});
