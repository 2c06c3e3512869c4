import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as modelInfo } from "@/app/api/model/info/route";
import { POST as promote } from "@/app/api/models/[version]/promote/route";
import { GET as getModel } from "@/app/api/models/[version]/route";
import { POST as rollback } from "@/app/api/models/rollback/route";
import { GET as listModels } from "@/app/api/models/route";
import { setDatabase } from "@/db/client";
import { predictions } from "@/db/schema";
import * as contracts from "@/lib/api/contracts/models";
import { startEmbeddedExecutor, stopEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { predictMatch } from "@/lib/predictions/predict-match";
import { CHAMPION_RECHECK_MS, getServingChampion } from "@/lib/predictions/serving-champion";
import { getAliasTarget } from "@/lib/registry/aliases";
import { getModelVersionSummary, metricsOf } from "@/lib/registry/model-versions";
import { promoteVersion } from "@/lib/registry/promotion";
import { createTestDatabase } from "../helpers/test-database";
import { documented, errorOf, request, segment, trainVersion, withLoadedApp } from "./api-test-kit";

const app = withLoadedApp(async (handle) => {
  // A second version that the gate keeps as challenger: the same configuration does not beat it.
  const v2 = await trainVersion(handle);
  expect(v2).toMatchObject({ version: 2, promoted: false });
});

const post = (path: string, body?: unknown, headers?: Record<string, string>) =>
  request(path, { method: "POST", body, headers });
const championVersion = async () =>
  (await getModelVersionSummary({ db: app.handle.db, version: 1 }))!.id ===
  (await getAliasTarget({ db: app.handle.db, alias: "champion" }))
    ? 1
    : 2;

describe("GET /api/models and /api/models/:version", () => {
  it("lists versions newest first with their aliases and scores next to the market's", async () => {
    const body = await documented(contracts.listModels, await listModels(request("/api/models")), 200);
    expect(body.versions.map((v: { version: number; aliases: string[] }) => [v.version, v.aliases])).toEqual([
      [2, ["challenger"]],
      [1, ["champion"]],
    ]);
    const v1 = metricsOf((await getModelVersionSummary({ db: app.handle.db, version: 1 }))!);
    const { evaluation } = body.versions[1];
    expect(evaluation.scores.model.rps).toBe(v1.pooled.scores.model!.rps);
    expect(evaluation.rpsMinusMarket).toBeCloseTo(
      v1.pooled.scores.model!.rps - v1.pooled.scores.marketPreMatch!.rps,
      12,
    );
    expect(evaluation.window).toEqual({ testSeasons: ["2526"], firstTrainingSeason: "2324" });
    await errorOf(await listModels(request("/api/models?limit=0")), 400);
  });

  it("shows one version in full with its alias history", async () => {
    const body = await documented(
      contracts.getModel,
      await getModel(request("/api/models/1"), segment({ version: "1" })),
      200,
    );
    expect(body.history).toEqual([
      expect.objectContaining({
        alias: "champion",
        action: "promote",
        version: 1,
        previousVersion: null,
        reason: expect.stringMatching(/^first champion/),
      }),
    ]);
    const importance = body.featureImportance.map((f: { importance: number }) => f.importance);
    expect(importance.length).toBe(body.featureSet.length);
    expect([...importance].sort((a, b) => b - a)).toEqual(importance);
    expect(body.seasons.map((s: { season: string }) => s.season)).toEqual(["2526"]);
    expect((await errorOf(await getModel(request("/api/models/7"), segment({ version: "7" })), 404)).code).toBe(
      "not_found:registry",
    );
    const bad = await errorOf(await getModel(request("/api/models/v1"), segment({ version: "v1" })), 400);
    expect(bad.issues).toEqual([{ field: "version", message: "must be a model version number ≥ 1" }]);
  });
});

describe("POST /api/models/:version/promote and /api/models/rollback", () => {
  it("promotes, serves the new champion at once, starts its predictions, and rolls back", async () => {
    await predictMatch({ db: app.handle.db, request: { homeTeam: "Arsenal", awayTeam: "Chelsea" }, store: false });
    const promoted = await documented(
      contracts.promoteModel,
      await promote(post("/api/models/2/promote", { reason: "try the retrained one" }), segment({ version: "2" })),
      200,
    );
    expect(promoted).toMatchObject({
      champion: 2,
      previousChampion: 1,
      reason: "try the retrained one",
      actor: "api (address 127.0.0.1)",
      predictions: { error: null },
    });
    expect(await championVersion()).toBe(2);
    const served = await predictMatch({
      db: app.handle.db,
      request: { homeTeam: "Arsenal", awayTeam: "Chelsea" },
      store: false,
    });
    expect(served.modelVersion).toBe(2);
    const [runId] = promoted.predictions.run_ids;
    expect(await app.executor.waitForRun(runId)).toMatchObject({
      functionId: "predictions",
      eventName: "model/promoted",
      status: "completed",
    });
    const v2 = (await getModelVersionSummary({ db: app.handle.db, version: 2 }))!;
    expect(
      (await app.handle.db.select().from(predictions).where(eq(predictions.modelVersionId, v2.id))).filter(
        (p) => p.kind === "batch",
      ).length,
    ).toBe(380);

    const again = await errorOf(
      await promote(post("/api/models/2/promote", { reason: "again" }), segment({ version: "2" })),
      409,
    );
    expect(again.code).toBe("conflict:registry");
    const back = await documented(
      contracts.rollbackModel,
      await rollback(post("/api/models/rollback", { reason: "v2 is worse" })),
      200,
    );
    expect(back).toMatchObject({ champion: 1, previousChampion: 2 });
    expect(await championVersion()).toBe(1);
    const history = await documented(
      contracts.getModel,
      await getModel(request("/api/models/2"), segment({ version: "2" })),
      200,
    );
    expect(history.history.map((h: { action: string; reason: string }) => [h.action, h.reason])).toEqual([
      ["rollback", "v2 is worse"],
      ["remove", "promoted to champion"],
      ["promote", "try the retrained one"],
      ["assign", expect.stringMatching(/does not beat the champion/)],
    ]);
    await errorOf(await rollback(post("/api/models/rollback", { reason: "once more" })), 409);
    await app.executor.idle();
  });

  it("needs a reason, a known version, and a loopback caller", async () => {
    const none = await errorOf(await promote(post("/api/models/2/promote", {}), segment({ version: "2" })), 400);
    expect(none.issues).toEqual([{ field: "reason", message: expect.any(String) }]);
    const blank = await errorOf(await rollback(post("/api/models/rollback", { reason: "   " })), 400);
    expect(blank.issues?.[0]).toEqual({ field: "reason", message: "must say why (1 to 500 characters)" });
    await errorOf(await promote(post("/api/models/9/promote", { reason: "x" }), segment({ version: "9" })), 404);
    await errorOf(
      await promote(
        post("/api/models/2/promote", { reason: "x" }, { "x-pl-remote-address": "203.0.113.9" }),
        segment({ version: "2" }),
      ),
      403,
    );
    expect(await championVersion()).toBe(1);
  });

  it("keeps the promotion when the predictions pipeline cannot start, and says so", async () => {
    await stopEmbeddedExecutor();
    try {
      const body = await documented(
        contracts.promoteModel,
        await promote(post("/api/models/2/promote", { reason: "offline" }), segment({ version: "2" })),
        200,
      );
      expect(body).toMatchObject({
        champion: 2,
        predictions: { run_ids: [], error: expect.stringMatching(/executor is not running/) },
      });
      await documented(contracts.rollbackModel, await rollback(post("/api/models/rollback", { reason: "undo" })), 200);
    } finally {
      const { handleInngestRequest } = await import("@/inngest/serve-handler");
      app.executor = await startEmbeddedExecutor({ endpoint: handleInngestRequest });
    }
  });
});

describe("the champion held in memory for serving", () => {
  it("notices a promotion made elsewhere within the recheck interval", async () => {
    const t0 = Date.now();
    expect((await getServingChampion({ db: app.handle.db, now: t0 }))!.version.version).toBe(1);
    await promoteVersion({ db: app.handle.db, version: 2, actor: "test", reason: "another process" });
    expect((await getServingChampion({ db: app.handle.db, now: t0 + CHAMPION_RECHECK_MS - 1 }))!.version.version).toBe(
      1,
    );
    expect((await getServingChampion({ db: app.handle.db, now: t0 + CHAMPION_RECHECK_MS }))!.version.version).toBe(2);
  });
});

describe("GET /api/model/info", () => {
  it("describes the champion: version, scores next to the market's, feature importance, training", async () => {
    const body = await documented(contracts.modelInfo, await modelInfo(request("/api/model/info")), 200);
    expect(body).toMatchObject({ version: 2, aliases: ["champion"], engine: "forest", ageDays: 0 });
    expect(body.trainedOn).toMatchObject({ seasons: ["2324", "2526"] });
    expect(body.evaluation.scores).toHaveProperty("marketPreMatch");
    expect(Date.parse(body.championSince)).toBeGreaterThan(Date.parse(body.createdAt));
  });

  it("answers 404 with what to do when there is no champion", async () => {
    const empty = await createTestDatabase();
    setDatabase(empty);
    try {
      const error = await errorOf(await modelInfo(request("/api/model/info")), 404);
      expect(error).toMatchObject({ code: "not_found:model", message: expect.stringMatching(/training pipeline/) });
    } finally {
      setDatabase(app.handle);
      await empty.close();
    }
  });
});
