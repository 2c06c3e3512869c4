import { z } from "zod";
import { predictedOutcome, type Probabilities } from "@/lib/model/metrics";
import type { PredictionView } from "./prediction-view";

const mean = z.number().describe("Mean over the period's scored predictions");

export const trackRecordPeriodSchema = z.object({
  period: z.string().describe("`YYYY-MM`, or `all`"),
  n: z.number().int(),
  rps: mean,
  logLoss: mean,
  accuracy: mean,
  market: z
    .object({ n: z.number().int(), rps: z.number().nullable(), accuracy: z.number().nullable() })
    .describe("The market's scores on the predictions that have market probabilities"),
});
export type TrackRecordPeriod = z.infer<typeof trackRecordPeriodSchema>;

export const trackRecordPointSchema = z.object({
  kickoff: z.iso.datetime(),
  rollingRps: z.number().describe("Mean RPS of the last `window` scored predictions"),
  rollingMarketRps: z
    .number()
    .nullable()
    .describe("The market's mean RPS on the same matches, when all have market probabilities"),
});
export type TrackRecordPoint = z.infer<typeof trackRecordPointSchema>;

export const trackRecordSchema = z.object({
  overall: trackRecordPeriodSchema,
  months: z.array(trackRecordPeriodSchema),
  rolling: z.array(trackRecordPointSchema),
  window: z.number().int(),
});
export type TrackRecord = z.infer<typeof trackRecordSchema>;

function summarise(period: string, list: readonly PredictionView[]): TrackRecordPeriod {
  const scored = list.filter((p) => p.result);
  const withMarket = scored.filter((p) => p.result!.marketRps !== null && p.market);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const marketHits = withMarket.filter((p) => {
    const m: Probabilities = [p.market!.home, p.market!.draw, p.market!.away];
    return ["H", "D", "A"][predictedOutcome(m)] === p.result!.actual;
  }).length;
  return {
    period,
    n: scored.length,
    rps: mean(scored.map((p) => p.result!.rps)),
    logLoss: mean(scored.map((p) => p.result!.logLoss)),
    accuracy: mean(scored.map((p) => (p.result!.correct ? 1 : 0))),
    market: {
      n: withMarket.length,
      rps: withMarket.length ? mean(withMarket.map((p) => p.result!.marketRps!)) : null,
      accuracy: withMarket.length ? marketHits / withMarket.length : null,
    },
  };
}

/** Scores by month and overall, and a rolling RPS series for the chart, from scored predictions. */
export function trackRecord(scored: readonly PredictionView[], window = 50): TrackRecord {
  const sorted = [...scored].filter((p) => p.result).sort((a, b) => a.kickoff.localeCompare(b.kickoff));
  const byMonth = new Map<string, PredictionView[]>();
  for (const p of sorted) {
    const month = p.kickoff.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), p]);
  }
  const rolling: TrackRecordPoint[] = [];
  for (let i = window - 1; i < sorted.length; i++) {
    const slice = sorted.slice(i - window + 1, i + 1);
    const market = slice.filter((p) => p.result!.marketRps !== null);
    rolling.push({
      kickoff: sorted[i].kickoff,
      rollingRps: slice.reduce((s, p) => s + p.result!.rps, 0) / slice.length,
      rollingMarketRps:
        market.length === slice.length ? market.reduce((s, p) => s + p.result!.marketRps!, 0) / market.length : null,
    });
  }
  return {
    overall: summarise("all", sorted),
    months: [...byMonth.entries()].map(([month, list]) => summarise(month, list)),
    rolling,
    window,
  };
}
