import { getDb } from "@/db/client";
import { loadChampionStep, loadFixturesStep, predictAndStoreStep } from "@/lib/pipelines/prediction-steps";
import { predictionsRequested } from "@/lib/pipelines/events";
import { PIPELINES, pipelineFunctionOptions } from "@/lib/pipelines/registry";
import { inngest } from "./client";

/** Predictions: the champion's probabilities for every scheduled match, stored beside the market's. */
export const predictions = inngest.createFunction(
  pipelineFunctionOptions(PIPELINES.predictions),
  async ({ event, step, log, runId }) => {
    const daysAhead = event.name === predictionsRequested.name ? event.data.daysAhead : undefined;
    const champion = await step.run("load champion", async () => loadChampionStep({ db: await getDb() }));
    if (!champion) {
      await log("warn", "no champion model yet: nothing to predict with (training promotes the first one)");
      return { stored: 0, reason: "no champion model" };
    }
    const fixtures = await step.run("load upcoming fixtures", async () =>
      loadFixturesStep({ db: await getDb(), daysAhead }),
    );
    if (fixtures.fixtures === 0) {
      await log("info", "no scheduled fixtures");
      return { stored: 0, modelVersion: champion.version };
    }
    const stored = await step.run("predict and store", async () => {
      const result = await predictAndStoreStep({
        db: await getDb(),
        modelVersionId: champion.modelVersionId,
        runId,
        daysAhead,
      });
      await log("info", `stored ${result.stored} predictions of model v${result.modelVersion}`);
      return result;
    });
    return { ...stored, fixtures: fixtures.fixtures };
  },
);
