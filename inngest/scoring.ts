import { getDb } from "@/db/client";
import { checkDataFreshnessStep, scorePredictionsStep } from "@/lib/pipelines/scoring-steps";
import { inngest } from "./client";
import { matchesUpdated, scoringRequested } from "./events";

/** Scoring and monitoring: scores predictions whose matches have been played; checks data freshness. */
export const scoring = inngest.createFunction(
  {
    id: "scoring",
    name: "Scoring and monitoring",
    retries: 2,
    concurrency: { limit: 1 },
    triggers: [{ event: scoringRequested }, { event: matchesUpdated }],
  },
  async ({ step, log }) => {
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
  },
);
