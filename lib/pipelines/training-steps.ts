import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { pipelineRuns } from "@/db/schema";
import { getFeatureSnapshot } from "@/lib/features/feature-cache";
import { FEATURE_NAMES } from "@/lib/features/feature-definitions";
import { compareSeasons } from "@/lib/data/season-code";
import { getEngine } from "@/lib/model/engines";
import { evaluate } from "@/lib/model/evaluation/evaluate";
import { fingerprintRows } from "@/lib/model/evaluation/fingerprint";
import { MATCH_MODEL_FORMAT, serializeMatchModel, trainMatchModel } from "@/lib/model/match-model";
import { getAliasTarget } from "@/lib/registry/aliases";
import type { ModelMetrics } from "@/lib/registry/model-metrics";
import { modelRps, sameWindow } from "@/lib/registry/model-metrics";
import { getModelVersionById, metricsOf, registerModelVersion } from "@/lib/registry/model-versions";
import { promotionGate, type GateDecision } from "@/lib/registry/promotion-gate";
import { applyGateDecision } from "@/lib/registry/promotion";
import { storeBacktestPredictions, type BacktestForecast } from "./backtest-predictions";
import type { TrainingConfig } from "./training-config";

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

/** Step "walk-forward evaluation": metrics of the configuration over the window, next to the baselines. */
export async function walkForwardStep({
  db,
  config,
  onProgress,
}: {
  db: Database;
  config: TrainingConfig;
  onProgress?: Progress;
}): Promise<{ metrics: ModelMetrics; params: Record<string, unknown>; forecasts: BacktestForecast[] }> {
  const { rows } = await getFeatureSnapshot({ db });
  const report = await evaluate(rows, {
    engine: getEngine(config.engine),
    params: config.params,
    window: config.window,
    searchGrid: config.search ? (await import("./training-config")).FOREST_SEARCH_GRID : undefined,
    onProgress,
  });
  const metrics: ModelMetrics = {
    window: report.window,
    refit: report.refit,
    pooled: report.pooled,
    seasons: report.seasons,
    ...(report.search ? { search: report.search.map((s) => ({ params: s.params, rps: s.rps })) } : {}),
  };
  const forecasts = report.predictions.flatMap((p): BacktestForecast[] =>
    p.forecasts.model ? [[p.matchId, p.forecasts.model[0], p.forecasts.model[1], p.forecasts.model[2]]] : [],
  );
  return { metrics, params: report.params, forecasts };
}

/** Step "fit final model" + "register version": fits on every finished match from the first training season. */
export async function fitAndRegisterStep({
  db,
  config,
  params,
  metrics,
  forecasts = [],
  runId,
  onProgress,
}: {
  db: Database;
  config: TrainingConfig;
  params: Record<string, unknown>;
  metrics: ModelMetrics;
  /** The walk-forward forecasts, stored as the version's backtest predictions. */
  forecasts?: readonly BacktestForecast[];
  runId?: string | null;
  onProgress?: Progress;
}) {
  const { rows } = await getFeatureSnapshot({ db });
  const train = rows.filter(
    (r): r is typeof r & { outcome: NonNullable<typeof r.outcome> } =>
      r.outcome !== null && compareSeasons(r.season, config.window.firstTrainingSeason) >= 0,
  );
  const engine = getEngine(config.engine);
  onProgress?.(`fitting the final model on ${train.length} matches`);
  const model = await trainMatchModel(engine, params, FEATURE_NAMES, {
    values: train.map((r) => r.values),
    outcomes: train.map((r) => r.outcome),
  });
  const importances = model.classifier.featureImportances();
  const seasons = [...new Set(train.map((r) => r.season))].sort(compareSeasons);
  const trainingRunId = runId && (await runExists(db, runId)) ? runId : null;
  // The version and its backtest predictions land together: a retried step never leaves a
  // registered version without them (or a second version).
  const { version, backtest } = await db.transaction(async (tx) => {
    const version = await registerModelVersion({
      db: tx,
      version: {
        engine: engine.id,
        params: model.classifier.params as Record<string, unknown>,
        featureSet: model.features,
        dataFingerprint: fingerprintRows(train),
        trainedOn: {
          matches: train.length,
          seasons: [seasons[0], seasons[seasons.length - 1]],
          lastKickoff: train[train.length - 1]?.kickoff.toISOString(),
        },
        metrics: {
          ...metrics,
          ...(importances
            ? { featureImportance: model.features.map((feature, i) => ({ feature, importance: importances[i] })) }
            : {}),
        },
        artifact: serializeMatchModel(model),
        artifactFormat: MATCH_MODEL_FORMAT,
        trainingRunId,
      },
    });
    const backtest = await storeBacktestPredictions({
      db: tx,
      modelVersionId: version.id,
      forecasts,
      rows,
      runId: trainingRunId,
    });
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
 * Step "promotion gate": the candidate must beat the champion's RPS on the same window and data.
 * When the champion was evaluated on another window or other data, its configuration is
 * evaluated again on the candidate's, so that both are judged on the same holdout.
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
  let championRps: number | null = null;
  if (champion) {
    const championMetrics = metricsOf(champion);
    // Same training rows and same test rows in every season: the stored scores are comparable.
    const prints = (m: ModelMetrics) => m.seasons.map((x) => `${x.fingerprint}/${x.testFingerprint ?? "?"}`).join();
    const sameData =
      sameWindow(championMetrics, candidateMetrics) && prints(championMetrics) === prints(candidateMetrics);
    if (sameData) {
      championRps = modelRps(championMetrics);
    } else {
      onProgress?.(`re-evaluating champion v${champion.version} on the candidate's window and data`);
      const { rows } = await getFeatureSnapshot({ db });
      const report = await evaluate(rows, {
        engine: getEngine(champion.engine as TrainingConfig["engine"]),
        params: champion.params,
        features: champion.featureSet,
        window: candidateMetrics.window,
      });
      championRps = report.pooled.scores.model?.rps ?? null;
    }
  }
  const decision = promotionGate({
    candidateRps: modelRps(candidateMetrics),
    championRps,
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
