import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { pipelineRuns } from "@/db/schema";
import { getFeatureSnapshot } from "@/lib/features/feature-cache";
import { FEATURE_NAMES } from "@/lib/features/feature-definitions";
import { compareSeasons } from "@/lib/data/season-code";
import { getEngine } from "@/lib/model/engines";
import { evaluate } from "@/lib/model/evaluation/evaluate";
import { fingerprintRows } from "@/lib/model/evaluation/fingerprint";
import type { Blend } from "@/lib/model/blend/blend";
import { MATCH_MODEL_FORMAT, serializeMatchModel, trainMatchModel, type RegimeParams } from "@/lib/model/match-model";
import { REGIMES, type Regime } from "@/lib/model/regime";
import { getAliasTarget } from "@/lib/registry/aliases";
import type { ModelMetrics, RegimeMetrics } from "@/lib/registry/model-metrics";
import { sameWindow } from "@/lib/registry/model-metrics";
import { getModelVersionById, metricsOf, registerModelVersion } from "@/lib/registry/model-versions";
import { regimeRps, regimeScoreOf, regimeScores, type RegimeScore } from "@/lib/registry/regime-score";
import { promotionGate, type GateDecision } from "@/lib/registry/promotion-gate";
import { applyGateDecision } from "@/lib/registry/promotion";
import { storeBacktestPredictions, type BacktestForecast } from "./backtest-predictions";
import { paramsByRegime, type TrainingConfig } from "./training-config";
import { finalTrainingRows } from "./training-twin";

type Progress = (message: string) => void;

// A function run outside any recorded run (a test engine, a script) registers without a run link.
async function runExists(db: Database, id: string): Promise<boolean> {
  const [row] = await db.select({ id: pipelineRuns.id }).from(pipelineRuns).where(eq(pipelineRuns.id, id));
  return Boolean(row);
}

/** Step "build features": every match's features as of its kickoff. */
export async function buildFeaturesStep({ db }: { db: Database }) {
  const snapshot = await getFeatureSnapshot({ db });
  const finished = snapshot.rows.filter((r) => r.outcome !== null).length;
  if (finished === 0) throw new Error("no finished matches stored: run the ETL first");
  return {
    dataVersion: snapshot.dataVersion,
    matches: snapshot.rows.length,
    finished,
    scheduled: snapshot.rows.filter((r) => r.status === "scheduled").length,
    features: FEATURE_NAMES.length,
  };
}

/** Step "walk-forward evaluation": both regimes' metrics over the window, next to the baselines. */
export async function walkForwardStep({
  db,
  config,
  onProgress,
}: {
  db: Database;
  config: TrainingConfig;
  onProgress?: Progress;
}): Promise<{
  metrics: ModelMetrics;
  params: RegimeParams;
  /** Each regime's blend for the final model, null when it did not win on the validation seasons. */
  blends: Record<Regime, Blend | null>;
  /** Each regime's walk-forward forecasts (the version's stored backtest). */
  forecasts: Record<Regime, BacktestForecast[]>;
}> {
  const { rows } = await getFeatureSnapshot({ db });
  const report = await evaluate(rows, {
    engine: getEngine(config.engine),
    params: config.params,
    window: config.window,
    searchGrid: config.search ? (await import("./training-config")).FOREST_SEARCH_GRID : undefined,
    onProgress,
  });
  const regimes = Object.fromEntries(
    REGIMES.map((r) => {
      const { features, params, pooled, seasons, search, blend } = report.regimes[r];
      return [r, { features, params, pooled, seasons, ...(search ? { search } : {}), ...(blend ? { blend } : {}) }];
    }),
  ) as Record<Regime, RegimeMetrics>;
  const withOdds = regimes["with-odds"];
  const metrics: ModelMetrics = {
    window: report.window,
    refit: report.refit,
    regimes,
    regimeScores: Object.fromEntries(REGIMES.map((r) => [r, regimeScoreOf(regimes[r])])) as Record<
      Regime,
      RegimeScore | null
    >,
    pooled: withOdds.pooled,
    seasons: withOdds.seasons,
    ...(withOdds.search ? { search: withOdds.search } : {}),
  };
  const forecasts = Object.fromEntries(
    REGIMES.map((r) => [
      r,
      report.predictions[r].flatMap((p): BacktestForecast[] =>
        p.forecasts.model ? [[p.matchId, p.forecasts.model[0], p.forecasts.model[1], p.forecasts.model[2]]] : [],
      ),
    ]),
  ) as Record<Regime, BacktestForecast[]>;
  return {
    metrics,
    params: Object.fromEntries(REGIMES.map((r) => [r, report.regimes[r].params])) as RegimeParams,
    blends: Object.fromEntries(REGIMES.map((r) => [r, report.regimes[r].blend.final])) as Record<Regime, Blend | null>,
    forecasts,
  };
}

/** Step "fit final model" + "register version": fits both regimes on every finished match from the first training season. */
export async function fitAndRegisterStep({
  db,
  config,
  params,
  metrics,
  blends,
  forecasts = {},
  runId,
  onProgress,
}: {
  db: Database;
  config: TrainingConfig;
  params: RegimeParams;
  metrics: ModelMetrics;
  blends?: Partial<Record<Regime, Blend | null>>;
  /** Each regime's walk-forward forecasts, stored as the version's backtest predictions. */
  forecasts?: Partial<Record<Regime, readonly BacktestForecast[]>>;
  runId?: string | null;
  onProgress?: Progress;
}) {
  const { rows } = await getFeatureSnapshot({ db });
  const train = finalTrainingRows(rows, config);
  const engine = getEngine(config.engine);
  onProgress?.(`fitting the final models on ${train.length} matches`);
  const model = await trainMatchModel(
    engine,
    params,
    FEATURE_NAMES,
    { values: train.map((r) => r.values), outcomes: train.map((r) => r.outcome) },
    { blends },
  );
  const regimes = metrics.regimes
    ? (Object.fromEntries(
        REGIMES.map((r) => {
          const { classifier, features } = model.regimes[r];
          const importances = classifier.featureImportances();
          const importance = importances?.length
            ? { featureImportance: features.map((feature, i) => ({ feature, importance: importances[i] })) }
            : {};
          return [r, { ...metrics.regimes![r], params: classifier.params as Record<string, unknown>, ...importance }];
        }),
      ) as Record<Regime, RegimeMetrics>)
    : undefined;
  const seasons = [...new Set(train.map((r) => r.season))].sort(compareSeasons);
  const trainingRunId = runId && (await runExists(db, runId)) ? runId : null;
  // The version and its backtest predictions land together: a retried step never leaves a
  // registered version without them (or a second version).
  const { version, backtest } = await db.transaction(async (tx) => {
    const version = await registerModelVersion({
      db: tx,
      version: {
        engine: engine.id,
        params: Object.fromEntries(REGIMES.map((r) => [r, model.regimes[r].classifier.params])),
        featureSet: model.regimes["with-odds"].features,
        dataFingerprint: fingerprintRows(train),
        trainedOn: {
          matches: train.length,
          seasons: [seasons[0], seasons[seasons.length - 1]],
          lastKickoff: train[train.length - 1]?.kickoff.toISOString(),
        },
        metrics: {
          ...metrics,
          ...(regimes
            ? {
                regimes,
                ...(regimes["with-odds"].featureImportance
                  ? { featureImportance: regimes["with-odds"].featureImportance }
                  : {}),
              }
            : {}),
        },
        artifact: serializeMatchModel(model),
        artifactFormat: MATCH_MODEL_FORMAT,
        trainingRunId,
      },
    });
    let backtest = 0;
    for (const regime of REGIMES) {
      backtest += await storeBacktestPredictions({
        db: tx,
        modelVersionId: version.id,
        regime,
        forecasts: forecasts[regime] ?? [],
        rows,
        runId: trainingRunId,
      });
    }
    return { version, backtest };
  });
  return {
    modelVersionId: version.id,
    version: version.version,
    trainRows: train.length,
    backtestPredictions: backtest,
  };
}

/**
 * Step "promotion gate": each regime against the champion's same regime, on the same window and
 * data (lib/registry/promotion-gate.ts). When the champion was evaluated on another window or other
 * data, or in one regime only, its configuration is evaluated again on the candidate's, so that
 * both are judged on the same holdout.
 */
export async function promotionGateStep({
  db,
  modelVersionId,
  actor,
  onProgress,
}: {
  db: Database;
  modelVersionId: number;
  actor: string;
  onProgress?: Progress;
}): Promise<GateDecision & { championVersion: number | null }> {
  const candidate = await getModelVersionById({ db, id: modelVersionId });
  if (!candidate) throw new Error(`model version id ${modelVersionId} is gone`);
  const candidateMetrics = metricsOf(candidate);
  const championId = await getAliasTarget({ db, alias: "champion" });
  const champion = championId === null ? null : await getModelVersionById({ db, id: championId });
  let championRps: Record<Regime, number> | null = null;
  if (champion) {
    const championMetrics = metricsOf(champion);
    // Same training rows and same test rows in every season: the stored scores are comparable.
    const prints = (m: ModelMetrics) => m.seasons.map((x) => `${x.fingerprint}/${x.testFingerprint ?? "?"}`).join();
    const sameData =
      sameWindow(championMetrics, candidateMetrics) && prints(championMetrics) === prints(candidateMetrics);
    const stored = regimeScores(championMetrics);
    if (sameData && REGIMES.every((r) => stored[r])) {
      championRps = regimeRps(championMetrics);
    } else {
      onProgress?.(`re-evaluating champion v${champion.version} on the candidate's window and data`);
      const { rows } = await getFeatureSnapshot({ db });
      const report = await evaluate(rows, {
        engine: getEngine(champion.engine as TrainingConfig["engine"]),
        params: paramsByRegime(champion.params),
        features: champion.featureSet,
        window: candidateMetrics.window,
      });
      championRps = Object.fromEntries(
        REGIMES.map((r) => [r, report.regimes[r].pooled.scores.model?.rps ?? NaN]),
      ) as Record<Regime, number>;
    }
  }
  const decision = promotionGate({
    candidate: regimeRps(candidateMetrics),
    champion: championRps,
    baseRatesRps: candidateMetrics.pooled.scores.baseRates?.rps ?? NaN,
  });
  const applied = await applyGateDecision({
    db,
    modelVersionId,
    decision,
    comparedChampionId: champion?.id ?? null,
    actor,
  });
  return { promote: applied.promoted, reason: applied.reason, championVersion: champion?.version ?? null };
}
