import fs from "node:fs";
import path from "node:path";
import { Validator, type SpecData } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import { endpoints } from "@/lib/api/contracts";
import { buildOpenApiDocument } from "@/lib/api/openapi-document";
import { ORIGINAL_PATHS } from "@/lib/api/original-paths";
import { withTestDatabase } from "../helpers/with-test-database";
import { request, resetRateLimit, segment } from "./api-test-kit";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const apiDir = path.resolve(import.meta.dirname, "../../app/api");
// The fallback that answers unknown /api paths with a JSON 404; a wildcard is no OpenAPI path.
const FALLBACK = "/api/{...path}";

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/runs/[id]/rerun/route.ts → /api/runs/{id}/rerun */
const openApiPath = (file: string) =>
  "/api" +
  path
    .dirname(path.relative(apiDir, file))
    .split(path.sep)
    .map((s) => (s === "." ? "" : `/${s.replace(/^\[(.+)\]$/, "{$1}")}`))
    .join("");

let routes: { file: string; path: string; methods: string[]; exports: Record<string, unknown> }[];
const document = buildOpenApiDocument(endpoints, { version: "test" });
withTestDatabase();

beforeAll(async () => {
  routes = await Promise.all(
    routeFiles(apiDir).map(async (file) => {
      const exports = (await import(file)) as Record<string, unknown>;
      return {
        file,
        path: openApiPath(file),
        methods: METHODS.filter((m) => typeof exports[m] === "function"),
        exports,
      };
    }),
  );
});

describe("GET /api/openapi.json", () => {
  it("documents every method of every route file under app/api, and nothing else", () => {
    const served = routes.filter((r) => r.path !== FALLBACK).flatMap((r) => r.methods.map((m) => `${m} ${r.path}`));
    const documented = Object.entries(document.paths ?? {})
      .filter(([p]) => p.startsWith("/api/"))
      .flatMap(([p, item]) =>
        METHODS.filter((m) => (item as Record<string, unknown>)[m.toLowerCase()]).map((m) => `${m} ${p}`),
      );
    expect(served.length).toBeGreaterThan(20);
    expect(documented.sort()).toEqual(served.sort());
    expect(routes.filter((r) => r.path === FALLBACK)).toHaveLength(1);
  });

  it("lists each of the original system's paths with the operations of the route it is rewritten to", () => {
    const rootPaths = Object.keys(document.paths ?? {}).filter((p) => !p.startsWith("/api/"));
    expect(rootPaths.sort()).toEqual(Object.keys(ORIGINAL_PATHS).sort());
    for (const [alias, target] of Object.entries(ORIGINAL_PATHS)) {
      const methods = (p: string) => Object.keys(document.paths![p] as object).sort();
      expect(methods(alias), alias).toEqual(methods(target));
      for (const m of methods(alias)) {
        const op = (p: string) => (document.paths![p] as Record<string, { responses: unknown; tags: string[] }>)[m];
        expect(op(alias).responses, `${m} ${alias}`).toEqual(op(target).responses);
        expect(op(alias).tags).toEqual(["Original system"]);
      }
    }
  });

  it("is a valid OpenAPI 3.1 document, by the specification's own schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as SpecData);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("would be caught if it were not (the validator is not a rubber stamp)", async () => {
    const broken = structuredClone(document) as unknown as {
      paths: Record<string, Record<string, { responses?: unknown; parameters?: unknown[] }>>;
    };
    broken.paths["/api/runs/{id}"].get.parameters = [{ name: "id", in: "body" }];
    const result = await new Validator().validate(broken as unknown as SpecData);
    expect(result.valid).toBe(false);
  });

  it("is served by the route, the same document", async () => {
    const response = await openApiRoute(request("/api/openapi.json"));
    expect(response.status).toBe(200);
    const served = await response.json();
    expect(served.openapi).toBe("3.1.0");
    expect(served.paths).toEqual(JSON.parse(JSON.stringify(document.paths)));
  });

  it("marks exactly the routes that refuse strangers as state-changing", async () => {
    for (const r of routes.filter((x) => x.path !== FALLBACK && !x.path.startsWith("/api/inngest"))) {
      for (const method of r.methods) {
        resetRateLimit();
        const op = (
          document.paths![r.path] as Record<string, { security?: unknown[]; responses: Record<string, unknown> }>
        )[method.toLowerCase()];
        const params = Object.fromEntries([...r.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], "1"]));
        const handler = r.exports[method] as (req: Request, ctx?: unknown) => Promise<Response>;
        const stranger = request(r.path.replace(/\{\w+\}/g, "1"), {
          method,
          headers: { "x-pl-remote-address": "198.51.100.23" },
          ...(method === "GET" ? {} : { body: {} }),
        });
        const status = (await handler(stranger, segment(params))).status;
        const stateChanging = Boolean(op.security);
        expect({ route: `${method} ${r.path}`, refused: status === 403 }).toEqual({
          route: `${method} ${r.path}`,
          refused: stateChanging,
        });
        if (stateChanging) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["401", "403", "429"]));
      }
    }
  });
});
