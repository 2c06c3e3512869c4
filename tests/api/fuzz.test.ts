import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getModel } from "@/app/api/models/[version]/route";
import { POST as promote } from "@/app/api/models/[version]/promote/route";
import { POST as rollback } from "@/app/api/models/rollback/route";
import { GET as listModels } from "@/app/api/models/route";
import { GET as history } from "@/app/api/predictions/history/route";
import { POST as match } from "@/app/api/predictions/match/route";
import { GET as upcoming } from "@/app/api/predictions/upcoming/route";
import { GET as getRun } from "@/app/api/runs/[id]/route";
import { POST as rerun } from "@/app/api/runs/[id]/rerun/route";
import { GET as listRuns } from "@/app/api/runs/route";
import { POST as etl } from "@/app/api/workflows/etl/route";
import { POST as predictionsFlow } from "@/app/api/workflows/predictions/route";
import { POST as scoringFlow } from "@/app/api/workflows/scoring/route";
import { POST as training } from "@/app/api/workflows/training/route";
import { POST as trigger } from "@/app/api/workflows/trigger/route";
import type { DatabaseHandle } from "@/db/client";
import * as workflowContracts from "@/lib/api/contracts/workflows";
import type { EndpointSpec } from "@/lib/api/endpoint";
import { getEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { createLoadedDatabase, request, resetRateLimit, segment } from "./api-test-kit";
import { mutatedBody, randomBody, randomQuery, randomSource, randomValue } from "./random-input";

// A few hundred random inputs per route against the real handlers and a loaded database. None may
// be answered with a 5xx, with one documented exception: no executor runs in this file, so a
// workflow body that is valid gets the 503 "could not be started" (it is checked to be valid).
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
const PER_ROUTE = 300;

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createLoadedDatabase();
  expect(getEmbeddedExecutor()).toBeUndefined();
});
afterAll(() => handle?.close());

const KEYS = [
  "home_team",
  "away_team",
  "kickoff",
  "home_odds",
  "draw_odds",
  "away_odds",
  "flow_name",
  "parameters",
  "seasons",
  "source",
  "fixtures",
  "force",
  "engine",
  "params",
  "search",
  "testSeasons",
  "firstTrainingSeason",
  "reason",
  "nTrees",
  "maxDepth",
  "minSamplesLeaf",
  "maxFeatures",
  "seed",
  "function",
  "status",
  "page",
  "pageSize",
  "sort",
  "direction",
  "limit",
  "window",
];

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Case {
  label: string;
  status: number;
  body: { code?: string; message?: string };
}

async function send(handler: Handler, req: Request, params?: Record<string, string>): Promise<Case> {
  resetRateLimit();
  const response = await handler(req, params ? segment(params) : undefined);
  const text = await response.text();
  let body: Case["body"] = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { message: `not JSON: ${text.slice(0, 80)}` };
  }
  return {
    label: `${req.method} ${new URL(req.url).pathname}${new URL(req.url).search}`,
    status: response.status,
    body,
  };
}

function expectNoServerError(cases: (Case & { input: string })[], allowed503?: EndpointSpec) {
  const bad = cases.filter((c) => {
    if (c.status < 500)
      return c.status >= 400 && !(typeof c.body.code === "string" && typeof c.body.message === "string");
    if (allowed503 && c.status === 503 && c.body.code === "unavailable:pipeline") {
      const parsed = allowed503.body!.safeParse(c.input.trim() === "" ? {} : JSON.parse(c.input));
      return !parsed.success;
    }
    return true;
  });
  expect(
    bad.map((c) => `${c.status} ${c.label} ${c.input.slice(0, 200)} → ${JSON.stringify(c.body).slice(0, 200)}`),
  ).toEqual([]);
}

const reason = { reason: "fuzz" };
/** Route, name, handler, the contract whose valid bodies may get 503, a valid body to mutate, path params. */
const bodyRoutes: [
  string,
  string,
  Handler,
  EndpointSpec | undefined,
  Record<string, unknown>,
  Record<string, string>?,
][] = [
  [
    "/api/predictions/match",
    "match",
    match,
    undefined,
    {
      home_team: "Arsenal",
      away_team: "Chelsea",
      kickoff: "2026-09-12T14:00:00Z",
      home_odds: 2.2,
      draw_odds: 3.4,
      away_odds: 3.3,
    },
  ],
  [
    "/api/workflows/etl",
    "etl",
    etl,
    workflowContracts.startPipeline.etl,
    { seasons: ["2526"], fixtures: false, source: "bundled" },
  ],
  [
    "/api/workflows/training",
    "training",
    training,
    workflowContracts.startPipeline.training,
    { params: { nTrees: 5 }, testSeasons: ["2526"], firstTrainingSeason: "2324" },
  ],
  ["/api/workflows/predictions", "predictions", predictionsFlow, workflowContracts.startPipeline.predictions, reason],
  ["/api/workflows/scoring", "scoring", scoringFlow, workflowContracts.startPipeline.scoring, reason],
  [
    "/api/workflows/trigger",
    "trigger",
    trigger,
    workflowContracts.triggerWorkflow,
    { flow_name: "data_pipeline_flow", parameters: { seasons: ["2425"] } },
  ],
  ["/api/models/rollback", "rollback", rollback, undefined, reason],
  ["/api/models/1/promote", "promote", promote, undefined, reason, { version: "1" }],
];

describe(`fuzz (seed ${SEED}, ${PER_ROUTE} inputs per route)`, () => {
  for (const [path, name, handler, contract, valid, params] of bodyRoutes) {
    it(`POST ${path} never answers 5xx`, async () => {
      const r = randomSource(SEED + name.length * 7919 + name.charCodeAt(0));
      const cases = [];
      for (let i = 0; i < PER_ROUTE; i++) {
        // Half random, half a valid body with one change, to reach past the first check.
        const input = i % 2 ? randomBody(r, KEYS) : mutatedBody(r, valid, KEYS);
        const headers: Record<string, string> =
          r.next() < 0.1
            ? {
                "content-type": r.pick([
                  "text/plain",
                  "application/x-www-form-urlencoded",
                  "application/json; charset=utf-8",
                  "multipart/form-data",
                ]),
              }
            : {};
        cases.push({
          ...(await send(handler, request(path, { method: "POST", body: input, headers }), params)),
          input,
        });
      }
      expectNoServerError(cases, contract);
      // Bad input was refused, and some input reached past validation into the route's work.
      const statuses = new Set(cases.map((c) => c.status));
      expect(cases.filter((c) => c.status === 400).length).toBeGreaterThan(PER_ROUTE / 3);
      expect(
        [...statuses].some((s) => s !== 400 && s !== 413 && s !== 415),
        `statuses seen: ${[...statuses]}`,
      ).toBe(true);
    });
  }

  it("POST /api/models/:version/promote and /api/runs/:id/rerun with random path segments never answer 5xx", async () => {
    const r = randomSource(SEED + 1);
    const cases = [];
    for (let i = 0; i < PER_ROUTE; i++) {
      const segmentValue = String(randomValue(r, KEYS, 0));
      cases.push({
        ...(await send(promote, request(`/api/models/x/promote`, { method: "POST", body: { reason: "fuzz" } }), {
          version: segmentValue,
        })),
        input: segmentValue,
      });
      cases.push({
        ...(await send(rerun, request(`/api/runs/x/rerun`, { method: "POST" }), { id: segmentValue })),
        input: segmentValue,
      });
      cases.push({
        ...(await send(getModel, request(`/api/models/x`), { version: segmentValue })),
        input: segmentValue,
      });
      cases.push({ ...(await send(getRun, request(`/api/runs/x`), { id: segmentValue })), input: segmentValue });
    }
    expectNoServerError(cases);
  });

  it("GET routes with random query strings never answer 5xx", async () => {
    const r = randomSource(SEED + 2);
    const routes: [string, Handler][] = [
      ["/api/runs", listRuns],
      ["/api/models", listModels],
      ["/api/predictions/upcoming", upcoming],
      ["/api/predictions/history", history],
    ];
    const cases = [];
    for (const [path, handler] of routes) {
      for (let i = 0; i < PER_ROUTE; i++) {
        const query = randomQuery(r, KEYS);
        cases.push({ ...(await send(handler, request(path + query))), input: query });
      }
    }
    expectNoServerError(cases);
    expect(cases.filter((c) => c.status === 200).length).toBeGreaterThan(0);
  });
});
