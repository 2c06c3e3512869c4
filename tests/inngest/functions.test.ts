import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { matches, modelVersions, pipelineRuns, predictions } from "@/db/schema";
import { etl } from "@/inngest/etl";
import { handleInngestRequest } from "@/inngest/serve-handler";
import { predictions as predictionsFunction } from "@/inngest/predictions";
import { scoring } from "@/inngest/scoring";
import { training } from "@/inngest/training";
import { startEmbeddedExecutor, stopEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { MARKET_FEATURE_NAMES } from "@/lib/features/feature-definitions";
import { rankedProbabilityScore } from "@/lib/model/metrics";
import { getRunById } from "@/lib/runs/run-queries";
import { getAliasTarget } from "@/lib/registry/aliases";
import { metricsOf } from "@/lib/registry/model-versions";
import { withTestDatabase } from "../helpers/with-test-database";

// Each function under @inngest/test (a fresh engine per test), against a real database and the
// bundled files; only the event sends are mocked, since no executor listens there.
const database = withTestDatabase();

const smallTraining = {
  params: { nTrees: 30, maxDepth: 6, minSamplesLeaf: 20, maxFeatures: 0.5, seed: 1 },
  testSeasons: ["2526"],
  firstTrainingSeason: "2324",
};

describe("Inngest functions", () => {
  // Two files are loaded at once as parallel steps, which @inngest/test does not model: this one runs
  // on the embedded executor and the app's serve handler, with events recorded but not run.
  it("etl loads the requested seasons and the fixtures, one step per file, and announces the change", async () => {
    const executor = await startEmbeddedExecutor({ endpoint: handleInngestRequest, manualOnly: true });
    try {
      const { runIds } = await executor.dispatch(
        { name: "pipeline/etl.requested", data: { seasons: ["2324", "2425", "2526"] } },
        { trigger: "manual" },
      );
      const run = await executor.waitForRun(runIds[0]);
      expect(run.output).toMatchObject({
        source: "bundled",
        changed: true,
        totals: { files: 4, inserted: 3 * 380 + 380, failed: 0 },
      });
      const detail = await getRunById({ db: database.handle.db, id: run.id });
      // Steps of files in flight together start in either order.
      expect(detail!.steps.map((s) => s.name).sort()).toEqual(
        [
          "plan sources",
          "ensure teams",
          "ingest season 2324",
          "ingest season 2425",
          "ingest season 2526",
          "ingest fixtures",
          "emit data/matches.updated",
        ].sort(),
      );
      const followUps = await database.handle.db
        .select()
        .from(pipelineRuns)
        .where(eq(pipelineRuns.eventName, "data/matches.updated"));
      expect(followUps.map((r) => r.functionId).sort()).toEqual(["predictions", "scoring", "training"]);
      for (const r of followUps) expect(r.params).toEqual({ inserted: 1520, updated: 0, files: 4 });
    } finally {
      await stopEmbeddedExecutor();
    }
  });

  it("etl with nothing new announces nothing", async () => {
    const { result, ctx } = await new InngestTestEngine({
      function: etl,
      events: [{ name: "pipeline/etl.requested", data: { seasons: ["2526"], fixtures: false } }],
    }).execute();
    expect(result).toMatchObject({ changed: false, totals: { skipped: 1 } });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });

  it("etl rejects a malformed request", async () => {
    const { error } = await new InngestTestEngine({
      function: etl,
      events: [{ name: "pipeline/etl.requested", data: { seasons: ["23/24"] } }],
    }).execute();
    expect(error).toMatchObject({ name: "EventValidationError", message: expect.stringContaining("seasons.0") });
  });

  it("training evaluates walk-forward, registers a version and promotes the first champion", async () => {
    const { result, ctx, error } = await new InngestTestEngine({
      function: training,
      events: [{ name: "pipeline/training.requested", data: smallTraining }],
      steps: [{ id: "emit model/promoted", handler: () => ({ ids: ["e2"] }) }],
    }).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ version: 1, promoted: true });
    const [row] = await database.handle.db.select().from(modelVersions);
    const metrics = row.metrics as { window: unknown; pooled: { n: number; scores: Record<string, { rps: number }> } };
    expect(metrics.window).toEqual({ testSeasons: ["2526"], firstTrainingSeason: "2324" });
    expect(metrics.pooled.n).toBe(380);
    expect(metrics.pooled.scores.model.rps).toBeLessThan(metrics.pooled.scores.baseRates.rps);
    // Both regimes evaluated on the same 380 matches; the top-level figures are the with-odds regime's.
    const { regimes } = metricsOf(row);
    expect(regimes!["with-odds"].pooled).toEqual(metrics.pooled);
    expect(regimes!["odds-free"].pooled.n).toBe(380);
    expect(regimes!["odds-free"].pooled.scores.model!.rps).toBeLessThan(metrics.pooled.scores.baseRates.rps);
    expect(regimes!["odds-free"].features.some((f) => MARKET_FEATURE_NAMES.includes(f))).toBe(false);
    expect(regimes!["odds-free"].pooled.scores.dixonColes?.n).toBe(380);
    expect(Object.keys(row.params)).toEqual(["odds-free", "with-odds"]);
    expect(row.artifactFormat).toBe("plmm-v2");
    expect(await getAliasTarget({ db: database.handle.db, alias: "champion" })).toBe(row.id);
    // The walk-forward forecasts are kept as the version's scored backtest predictions.
    // Each regime's 380 forecasts, labelled, scoring what its regime's evaluation says.
    const backtest = await database.handle.db.select().from(predictions).where(eq(predictions.kind, "backtest"));
    expect(backtest).toHaveLength(760);
    for (const regime of ["odds-free", "with-odds"] as const) {
      const rows = backtest.filter((p) => p.regime === regime);
      expect(rows).toHaveLength(380);
      const meanRps = rows.reduce((sum, p) => sum + p.rps!, 0) / rows.length;
      expect(meanRps).toBeCloseTo(regimes![regime].pooled.scores.model!.rps, 10);
    }
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "emit model/promoted",
      expect.objectContaining({ data: { modelVersionId: row.id, version: 1, previousVersion: null } }),
    );
  });

  it("training of the same configuration on the same data does not replace the champion", async () => {
    const { result, ctx } = await new InngestTestEngine({
      function: training,
      events: [{ name: "pipeline/training.requested", data: smallTraining }],
    }).execute();
    expect(result).toMatchObject({
      version: 2,
      promoted: false,
      reason: expect.stringMatching(/does not beat the champion/),
    });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
    expect(await getAliasTarget({ db: database.handle.db, alias: "challenger" })).not.toBeNull();
  });

  it("predictions stores the champion's probabilities for every scheduled match", async () => {
    const { result } = await new InngestTestEngine({
      function: predictionsFunction,
      events: [{ name: "pipeline/predictions.requested", data: {} }],
    }).execute();
    expect(result).toMatchObject({ stored: 380, modelVersion: 1, fixtures: 380 });
    const rows = await database.handle.db.select().from(predictions).where(eq(predictions.kind, "batch"));
    expect(rows).toHaveLength(380);
    for (const p of rows) expect(p.pHome + p.pDraw + p.pAway).toBeCloseTo(1, 9);
  });

  it("scoring scores a prediction once its match is played, next to the market", async () => {
    const [p] = await database.handle.db.select().from(predictions).where(eq(predictions.kind, "batch")).limit(1);
    // The result arrives (as a revised file would bring it), with Bet365 odds.
    await database.handle.db
      .update(matches)
      .set({ status: "finished", fthg: 2, ftag: 1, ftr: "H", b365H: 2, b365D: 3.5, b365A: 4 })
      .where(eq(matches.id, p.matchId!));
    const { result } = await new InngestTestEngine({
      function: scoring,
      events: [{ name: "pipeline/scoring.requested", data: {} }],
    }).execute();
    expect(result).toMatchObject({ scored: 1 });
    const [scored] = await database.handle.db.select().from(predictions).where(eq(predictions.id, p.id));
    expect(scored.actualResult).toBe("H");
    expect(scored.rps).toBeCloseTo(rankedProbabilityScore([p.pHome, p.pDraw, p.pAway], 0), 12);
    const total = 1 / 2 + 1 / 3.5 + 1 / 4;
    expect(scored.marketHome).toBeCloseTo(0.5 / total, 12);
    expect(scored.marketRps).toBeCloseTo(rankedProbabilityScore([0.5 / total, 1 / 3.5 / total, 0.25 / total], 0), 12);
    expect(scored.correct).toBe(p.pHome >= p.pDraw && p.pHome >= p.pAway);
  });
});
