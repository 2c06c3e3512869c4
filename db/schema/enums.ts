import { pgEnum } from "drizzle-orm/pg-core";
import { REGIMES } from "../regimes";
import { RUN_STATUSES } from "../run-status";

export const matchStatus = pgEnum("match_status", ["scheduled", "finished", "postponed"]);
export const matchResult = pgEnum("match_result", ["H", "D", "A"]);
export const runStatus = pgEnum("run_status", RUN_STATUSES);
export const stepStatus = pgEnum("step_status", ["running", "completed", "failed", "errored", "sleeping"]);
export const logLevel = pgEnum("log_level", ["debug", "info", "warn", "error"]);
export const batchStatus = pgEnum("batch_status", ["completed", "skipped", "failed"]);
/** batch: a pipeline's prediction of a fixture; adhoc: one asked for over the API; backtest: a
 * walk-forward forecast of an already played match, stored with the model version it evaluated. */
export const predictionKind = pgEnum("prediction_kind", ["batch", "adhoc", "backtest"]);
/** The information a forecast was made with: odds-free or with-odds (db/regimes.ts). */
export const predictionRegime = pgEnum("prediction_regime", REGIMES);
