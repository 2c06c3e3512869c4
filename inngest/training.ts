import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { resolveTrainingConfig } from "@/lib/pipelines/training-config";
import { findTwinVersion } from "@/lib/pipelines/training-twin";
import {
  buildFeaturesStep,
  fitAndRegisterStep,
  promotionGateStep,
  walkForwardStep,
} from "@/lib/pipelines/training-steps";
import { PIPELINES, pipelineFunctionOptions } from "@/lib/pipelines/registry";
import { inngest } from "./client";
import { modelPromoted, trainingRequested } from "@/lib/pipelines/events";

/** Training: features, walk-forward evaluation, final fit and registration, then the promotion gate. */
export const training = inngest.createFunction(
  pipelineFunctionOptions(PIPELINES.training),
  async ({ event, step, log, runId }) => {
    const request = event.name === trainingRequested.name ? event.data : {};
    const config = resolveTrainingConfig(request, env().MODEL_ENGINE);
    const progress = (message: string) => void log("info", message);

    const features = await step.run("build features", async () => {
      const result = await buildFeaturesStep({ db: await getDb() });
      await log(
        "info",
        `features of ${result.matches} matches (${result.finished} finished, ${result.scheduled} scheduled)`,
      );
      return result;
    });
    if (!(event.name === trainingRequested.name && event.data.force)) {
      const twin = await step.run("look for a twin version", async () =>
        findTwinVersion({ db: await getDb(), config }),
      );
      if (twin) {
        const reason = `v${twin.version} was trained on these data with this configuration; send force: true to train again`;
        await log("info", `nothing to train: ${reason}`);
        return { skipped: true, twinVersion: twin.version, reason, dataVersion: features.dataVersion };
      }
    }
    const evaluation = await step.run("walk-forward evaluation", async () => {
      const result = await walkForwardStep({ db: await getDb(), config, onProgress: progress });
      for (const [regime, report] of Object.entries(result.metrics.regimes ?? {})) {
        const pooled = report.pooled.scores;
        await log(
          "info",
          `${regime}: walk-forward RPS ${pooled.model?.rps.toFixed(4)} vs market ${pooled.marketPreMatch?.rps.toFixed(4)} over ${report.pooled.n} matches`,
        );
      }
      return result;
    });
    const registered = await step.run("fit final model and register version", async () =>
      fitAndRegisterStep({
        db: await getDb(),
        config,
        params: evaluation.params,
        metrics: evaluation.metrics,
        blends: evaluation.blends,
        forecasts: evaluation.forecasts,
        runId,
        onProgress: progress,
      }),
    );
    const gate = await step.run("promotion gate", async () => {
      const decision = await promotionGateStep({
        db: await getDb(),
        modelVersionId: registered.modelVersionId,
        actor: `training run ${runId}`,
        onProgress: progress,
      });
      await log(
        "info",
        `v${registered.version}: ${decision.promote ? "promoted" : "not promoted"} (${decision.reason})`,
      );
      return decision;
    });
    if (gate.promote) {
      await step.sendEvent(
        "emit model/promoted",
        modelPromoted.create({
          modelVersionId: registered.modelVersionId,
          version: registered.version,
          previousVersion: gate.championVersion,
        }),
      );
    }
    return {
      version: registered.version,
      promoted: gate.promote,
      reason: gate.reason,
      dataVersion: features.dataVersion,
    };
  },
);
