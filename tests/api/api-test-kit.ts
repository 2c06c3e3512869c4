import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { z } from "zod";
import { setDatabase, type DatabaseHandle } from "@/db/client";
import type { EndpointSpec } from "@/lib/api/endpoint";
import type { EmbeddedExecutor } from "@/lib/executor/embedded-executor";
import { startEmbeddedExecutor, stopEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { stateChangeLimiter } from "@/lib/api/guard-state-change";
import { runEtl } from "@/lib/data/run-etl";
import { resetEnvCache } from "@/lib/env";
import { predictAndStoreStep } from "@/lib/pipelines/prediction-steps";
import { resolveTrainingConfig } from "@/lib/pipelines/training-config";
import { fitAndRegisterStep, promotionGateStep, walkForwardStep } from "@/lib/pipelines/training-steps";
import { REMOTE_ADDRESS_HEADER } from "@/lib/server/remote-address";
import { createTestDatabase } from "../helpers/test-database";

/** Small forest parameters: a real model in about a second. */
export const SMALL_TRAINING = {
  params: { nTrees: 20, maxDepth: 6, minSamplesLeaf: 20, maxFeatures: 0.5, seed: 1 },
  testSeasons: ["2526"],
  firstTrainingSeason: "2324",
};

/** Trains, registers and gates one version through the training pipeline's own steps. */
export async function trainVersion(handle: DatabaseHandle, request = SMALL_TRAINING) {
  const config = resolveTrainingConfig(request, "forest");
  const evaluation = await walkForwardStep({ db: handle.db, config });
  const registered = await fitAndRegisterStep({ db: handle.db, config, ...evaluation });
  const gate = await promotionGateStep({ db: handle.db, modelVersionId: registered.modelVersionId, actor: "test" });
  return { ...registered, promoted: gate.promote };
}

/**
 * A fresh database (PGlite, or Postgres with TEST_DATABASE_URL) made the process database, with
 * three bundled seasons and the 2026/27 fixtures loaded by the real ETL, a small champion trained
 * by the training steps and its batch predictions stored.
 */
export async function createLoadedDatabase(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  setDatabase(handle);
  await runEtl({ db: handle.db, source: "bundled", seasons: ["2324", "2425", "2526"] });
  const champion = await trainVersion(handle);
  await predictAndStoreStep({ db: handle.db, modelVersionId: champion.modelVersionId });
  return handle;
}

export const LOOPBACK = { [REMOTE_ADDRESS_HEADER]: "127.0.0.1", host: "127.0.0.1:3000" };

/** A request as the server hands it to a route: the socket's address stamped, JSON by default. */
export function request(
  path: string,
  { method = "GET", body, headers = {} }: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Request {
  const text = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  return new Request(`http://localhost:3000${path}`, {
    method,
    body: text,
    headers: { ...LOOPBACK, ...(text !== undefined ? { "content-type": "application/json" } : {}), ...headers },
  });
}

/** The second argument Next.js passes to a dynamic route's handler. */
export const segment = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

/** Parses a response body with the schema the contract documents for its status, failing on a mismatch. */
export async function documented(contract: EndpointSpec, response: Response, status: number) {
  const body = await response.json();
  expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(status);
  const schema = contract.responses[status]?.schema as z.ZodType | undefined;
  expect(schema, `${contract.operationId} documents ${status}`).toBeDefined();
  const parsed = schema!.safeParse(body);
  expect(parsed.error?.issues ?? [], `${contract.operationId} ${status} matches its documented schema`).toEqual([]);
  return body;
}

/** The error body of a 4xx, checked for the one error shape. */
export async function errorOf(response: Response, status: number) {
  const body = await response.json();
  expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(status);
  expect(body).toMatchObject({ code: expect.stringMatching(/^[a-z_]+:[a-z]+$/), message: expect.any(String) });
  return body as {
    code: string;
    message: string;
    issues?: { field: string; message: string }[];
    details?: Record<string, unknown>;
  };
}

export function setApiKey(key: string | undefined): void {
  if (key) process.env.API_KEY = key;
  else delete process.env.API_KEY;
  resetEnvCache();
}

/** Forgets the rate limit's clients, so that one test's requests do not spend another's. */
export function resetRateLimit(): void {
  stateChangeLimiter().reset();
}

/**
 * Registers hooks giving the file a loaded database (see createLoadedDatabase, plus `prepare`) and
 * an embedded executor on the real serve handler; the rate limit is reset after every test.
 */
export function withLoadedApp(prepare?: (handle: DatabaseHandle) => Promise<void>) {
  const app = {} as { handle: DatabaseHandle; executor: EmbeddedExecutor };
  beforeAll(async () => {
    app.handle = await createLoadedDatabase();
    await prepare?.(app.handle);
    const { handleInngestRequest } = await import("@/inngest/serve-handler");
    app.executor = await startEmbeddedExecutor({ endpoint: handleInngestRequest });
  });
  afterEach(() => resetRateLimit());
  afterAll(async () => {
    await app.executor?.idle();
    await stopEmbeddedExecutor();
    await app.handle?.close();
  });
  return app;
}
