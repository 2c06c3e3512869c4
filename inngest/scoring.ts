import { getDb } from "@/db/client";
import { checkDataFreshnessStep, scorePredictionsStep } from "@/lib/pipelines/scoring-steps";
import { PIPELINES, pipelineFunctionOptions } from "@/lib/pipelines/registry";
import { inngest } from "./client";

/** Scoring and monitoring: scores predictions whose matches have been played; checks data freshness. */
export const scoring = inngest.createFunction(pipelineFunctionOptions(PIPELINES.scoring), async ({ step, log }) => {
  const scored = await step.run("score predictions", async () => {
    const result = await scorePredictionsStep({ db: await getDb() });
    await log("info", `scored ${result.scored} predictions (${result.hits} right)`);
    return result;
  });
  const freshness = await step.run("check data freshness", async () => {
    const result = await checkDataFreshnessStep({ db: await getDb() });
    await log(result.stale ? "warn" : "info", result.message);
    return result;
  });
  return { ...scored, freshness };
});
