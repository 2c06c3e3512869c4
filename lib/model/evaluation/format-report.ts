import { seasonLabel } from "@/lib/data/season-code";
import type { EvaluationReport } from "./evaluate";
import { FORECASTERS, type Forecaster } from "./walk-forward";

const f4 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "-" : x.toFixed(4));
const pct = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "-" : `${(x * 100).toFixed(1)}%`);

/** The evaluation as table rows: one per season and forecaster, then the pooled figures. */
export function reportRows(report: Pick<EvaluationReport, "seasons" | "pooled">): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  const add = (
    season: string,
    scores: EvaluationReport["pooled"]["scores"],
    missing: EvaluationReport["pooled"]["missing"],
  ) => {
    for (const key of Object.keys(FORECASTERS) as Forecaster[]) {
      const s = scores[key];
      rows.push({
        season,
        forecaster: FORECASTERS[key],
        n: s?.n ?? 0,
        RPS: f4(s?.rps),
        "log loss": f4(s?.logLoss),
        Brier: f4(s?.brier),
        accuracy: pct(s?.accuracy),
        ECE: f4(s?.ece),
        "no forecast": missing[key] ?? 0,
      });
    }
  };
  for (const s of report.seasons) add(seasonLabel(s.season), s.scores, s.missing);
  add("pooled", report.pooled.scores, report.pooled.missing);
  return rows;
}
