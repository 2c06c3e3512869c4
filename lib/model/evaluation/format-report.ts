import { seasonLabel } from "@/lib/data/season-code";
import type { RegimeReport } from "./evaluate";
import { FORECASTERS, REGIME_FORECASTERS } from "./forecasters";

const f4 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "-" : x.toFixed(4));
const pct = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "-" : `${(x * 100).toFixed(1)}%`);

/** A regime's evaluation as table rows: one per season and forecaster, then the pooled figures. */
export function reportRows(
  report: Pick<RegimeReport, "regime" | "seasons" | "pooled">,
): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  const add = (
    season: string,
    scores: RegimeReport["pooled"]["scores"],
    missing: RegimeReport["pooled"]["missing"],
  ) => {
    for (const key of REGIME_FORECASTERS[report.regime]) {
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

/** `pooled RPS [regime]: model … vs market pre-match … (difference …); model ECE …` */
export function summaryLine(report: Pick<RegimeReport, "regime" | "pooled">): string {
  const pooled = report.pooled.scores;
  const model = pooled.model?.rps ?? NaN;
  const market = pooled.marketPreMatch?.rps ?? NaN;
  const difference = model - market;
  return (
    `pooled RPS [${report.regime}]: model ${model.toFixed(5)} vs market pre-match ${market.toFixed(5)} ` +
    `(difference ${(difference >= 0 ? "+" : "") + difference.toFixed(5)}); model ECE ${pooled.model?.ece.toFixed(4)}`
  );
}
