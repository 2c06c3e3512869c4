import { z } from "zod";
import type { Database } from "@/db/client";
import { getAliasTarget } from "@/lib/registry/aliases";
import { getModelVersionSummaryById } from "@/lib/registry/model-versions";
import { REGIMES, type Regime } from "@/lib/model/regime";
import { latestPerMatch, listScoredPredictions } from "./prediction-queries";
import type { PredictionView } from "./prediction-view";
import { trackRecord, trackRecordSchema, type TrackRecord } from "./track-record";

const byRegime = z
  .object({ "odds-free": trackRecordSchema.nullable(), "with-odds": trackRecordSchema.nullable() })
  .describe("The same, for the forecasts of each regime alone (null: none scored)");

export const predictionHistorySchema = z.object({
  live: z.object({
    description: z.string(),
    modelVersions: z.array(z.number().int()).describe("The versions whose forecasts are counted"),
    trackRecord: trackRecordSchema
      .nullable()
      .describe("Each match's forecast as it stood at kickoff, whatever its regime; null until one has been scored"),
    regimes: byRegime,
  }),
  backtest: z
    .object({
      description: z.string(),
      modelVersion: z.number().int(),
      regimes: byRegime,
    })
    .nullable()
    .describe("Null when there is no champion"),
});
export type PredictionHistory = z.infer<typeof predictionHistorySchema>;

const LIVE =
  "Live: forecasts the predictions pipeline stored before kickoff (a fixture's odds-free forecast, and its with-odds forecast once its odds were known; the overall record counts the one that stood at kickoff), scored once the result landed, next to the market's pre-match probabilities for the same matches. Single-match forecasts (the API's and the dashboard's form) are stored and scored, but not counted here: they can be asked for at any time, as often as one likes.";
const BACKTEST =
  "Backtest: the champion's walk-forward evaluation in each regime, each season forecast by a model trained on earlier seasons only (the registry's metrics, per match). Not live forecasts.";

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
  const record = (views: readonly PredictionView[]) => (views.length ? trackRecord(views, window) : null);
  const perRegime = (views: readonly PredictionView[], pick: (v: readonly PredictionView[]) => PredictionView[]) =>
    Object.fromEntries(REGIMES.map((r) => [r, record(pick(views.filter((v) => v.regime === r)))])) as Record<
      Regime,
      TrackRecord | null
    >;
  return {
    live: {
      description: LIVE,
      modelVersions: [...new Set(live.map((p) => p.modelVersion))].sort((a, b) => a - b),
      trackRecord: record(latestPerMatch(live)),
      regimes: perRegime(live, latestPerMatch),
    },
    backtest: champion
      ? { description: BACKTEST, modelVersion: champion.version, regimes: perRegime(backtest, (v) => [...v]) }
      : null,
  };
}
