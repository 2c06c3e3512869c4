import { z } from "zod";
import type { Database } from "@/db/client";
import { getAliasTarget } from "@/lib/registry/aliases";
import { getModelVersionSummaryById } from "@/lib/registry/model-versions";
import { listScoredPredictions } from "./prediction-queries";
import { trackRecord, trackRecordSchema } from "./track-record";

export const predictionHistorySchema = z.object({
  live: z.object({
    description: z.string(),
    modelVersions: z.array(z.number().int()).describe("The versions whose forecasts are counted"),
    trackRecord: trackRecordSchema.nullable().describe("Null until a predicted match has been played and scored"),
  }),
  backtest: z
    .object({
      description: z.string(),
      modelVersion: z.number().int(),
      trackRecord: trackRecordSchema.nullable(),
    })
    .nullable()
    .describe("Null when there is no champion"),
});
export type PredictionHistory = z.infer<typeof predictionHistorySchema>;

const LIVE =
  "Live: forecasts the predictions pipeline stored before kickoff, scored once the result landed, next to the market's pre-match probabilities for the same matches. Single-match forecasts (the API's and the dashboard's form) are stored and scored, but not counted here: they can be asked for at any time, as often as one likes.";
const BACKTEST =
  "Backtest: the champion's walk-forward evaluation, each season forecast by a model trained on earlier seasons only (the registry's metrics, per match). Not live forecasts.";

/** Scored live forecasts by month and overall, and the champion's backtest track record, kept apart. */
export async function getPredictionHistory({
  db,
  window,
}: {
  db: Database;
  window: number;
}): Promise<PredictionHistory> {
  const championId = await getAliasTarget({ db, alias: "champion" });
  const [live, backtest, champion] = await Promise.all([
    listScoredPredictions({ db, kind: "live" }),
    championId === null
      ? Promise.resolve([])
      : listScoredPredictions({ db, kind: "backtest", modelVersionId: championId }),
    championId === null ? Promise.resolve(null) : getModelVersionSummaryById({ db, id: championId }),
  ]);
  return {
    live: {
      description: LIVE,
      modelVersions: [...new Set(live.map((p) => p.modelVersion))].sort((a, b) => a - b),
      trackRecord: live.length ? trackRecord(live, window) : null,
    },
    backtest: champion
      ? {
          description: BACKTEST,
          modelVersion: champion.version,
          trackRecord: backtest.length ? trackRecord(backtest, window) : null,
        }
      : null,
  };
}
