import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import type { NextRequest } from "next/server";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { startEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { RunLogMiddleware } from "@/lib/runs/run-log-middleware";
import { getRunById, listRuns } from "@/lib/runs/run-queries";
import { runRecorderMiddleware } from "@/lib/runs/run-recorder-middleware";
import { withTestDatabase } from "../helpers/with-test-database";
import { eventually, TEST_SIGNING_KEY } from "./test-app";

// Runs only against a real Inngest dev server: INNGEST_DEV_URL=http://127.0.0.1:8288 (start it
// with `npx inngest-cli dev --no-discovery`). INNGEST_CONTRACT_HOST names this machine as the dev
// server reaches it (default 127.0.0.1). The same function then runs on the embedded executor,
// and both must leave the same steps in Postgres.
const devUrl = process.env.INNGEST_DEV_URL;

function contractFunction(client: Inngest.Any, flaky: { calls: number }) {
  return client.createFunction(
    { id: "contract", retries: 1, triggers: [{ event: "contract/test.requested" }] },
    async ({ step, event }) => {
      const n = await step.run("read", () => (event.data as { n: number }).n);
      const doubled = await step.run("flaky double", () => {
        flaky.calls += 1;
        if (flaky.calls === 1) throw new Error("first attempt fails");
        return n * 2;
      });
      await step.sleep("pause", "1s");
      return step.run("finish", () => ({ doubled }));
    },
  );
}

const stepTrail = async (runId: string) =>
  (await getRunById({ db: await getDb(), id: runId }))!.steps
    .filter((s) => s.op !== "Sleep")
    .map((s) => `${s.name}:${s.attempt}:${s.status}`);

describe.skipIf(!devUrl)("contract with a real Inngest dev server (INNGEST_DEV_URL)", () => {
  withTestDatabase();
  let server: http.Server;
  const inngestFlaky = { calls: 0 };
  const client = new Inngest({
    id: "pl-mlops-contract",
    isDev: true,
    baseUrl: devUrl,
    logger: pino({ level: "silent" }),
    middleware: [RunLogMiddleware, runRecorderMiddleware({ executor: "inngest", enabled: () => true })],
  });
  const fn = contractFunction(client, inngestFlaky);

  beforeAll(async () => {
    // The handler needs the server's port for the URL it registers, so it is made after listen().
    const app: { handler?: ReturnType<typeof serve> } = {};
    server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body,
      });
      const response = await app.handler!(request as NextRequest, undefined);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
    const origin = `http://${process.env.INNGEST_CONTRACT_HOST ?? "127.0.0.1"}:${(server.address() as AddressInfo).port}`;
    app.handler = serve({ client, functions: [fn], serveOrigin: origin });
    const sync = await fetch(`${origin}/api/inngest`, { method: "PUT" });
    expect(sync.status, await sync.text()).toBe(200);
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it("records the dev server's run, with its run id, steps and retries", async () => {
    const { ids } = await client.send({ name: "contract/test.requested", data: { n: 21 } });
    const run = await eventually(
      async () =>
        (
          await listRuns({ db: await getDb(), functionId: "contract", status: "completed", page: 1, pageSize: 5 })
        ).rows.find((r) => r.eventId === ids[0]),
      60_000,
    );
    expect(run).toMatchObject({ executor: "inngest", output: { doubled: 42 }, params: { n: 21 } });
    const inngestRuns = (await (await fetch(`${devUrl}/v1/events/${ids[0]}/runs`)).json()) as {
      data: { run_id: string; status: string }[];
    };
    expect(inngestRuns.data.map((r) => [r.run_id, r.status])).toEqual([[run.id, "Completed"]]);
    expect(await stepTrail(run.id)).toEqual([
      "read:0:completed",
      "flaky double:0:errored",
      "flaky double:1:completed",
      "finish:0:completed",
    ]);
  });

  it("leaves the same steps when the embedded executor runs the same function", async () => {
    const embeddedClient = new Inngest({
      id: "pl-mlops-contract",
      isDev: false,
      signingKey: TEST_SIGNING_KEY,
      eventKey: "embedded-executor",
      logger: pino({ level: "silent" }),
      middleware: [RunLogMiddleware],
    });
    const embeddedFn = contractFunction(embeddedClient, { calls: 0 });
    const handler = serve({ client: embeddedClient, functions: [embeddedFn] });
    const executor = await startEmbeddedExecutor({
      endpoint: (request) => handler(request as NextRequest, undefined),
      signingKey: TEST_SIGNING_KEY,
    });
    const { runIds } = await executor.dispatch({ name: "contract/test.requested", data: { n: 21 } });
    const run = await executor.waitForRun(runIds[0]);
    expect(run).toMatchObject({ status: "completed", output: { doubled: 42 } });
    expect(await stepTrail(run.id)).toEqual([
      "read:0:completed",
      "flaky double:0:errored",
      "flaky double:1:completed",
      "finish:0:completed",
    ]);
  });
});
