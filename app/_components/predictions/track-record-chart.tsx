"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { axisProps, gridProps, legendProps, seriesColours, tooltipProps } from "../charts/chart-theme";
import { formatDate } from "../format";

export interface RollingPoint {
  /** Kickoff of the latest match in the window, epoch ms. */
  t: number;
  ours: number;
  market: number | null;
}

/** Rolling mean RPS of our forecasts and of the market's on the same matches (lower is better). */
export function TrackRecordChart({ points, window, label }: { points: RollingPoint[]; window: number; label: string }) {
  const first = points[0]?.t ?? 0;
  const last = points[points.length - 1]?.t ?? 0;
  const ticks = Array.from({ length: 6 }, (_, i) => Math.round(first + ((last - first) * i) / 5));
  return (
    <figure className="space-y-2">
      <LineChart
        responsive
        data={points}
        style={{ width: "100%", height: 300 }}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        aria-label={label}
      >
        <CartesianGrid {...gridProps} />
        <XAxis
          type="number"
          dataKey="t"
          domain={[first, last]}
          ticks={ticks}
          tickFormatter={(t: number) => formatDate(new Date(t))}
          {...axisProps}
        />
        <YAxis domain={["auto", "auto"]} tickFormatter={(v: number) => v.toFixed(3)} width={52} {...axisProps} />
        <Tooltip
          {...tooltipProps}
          labelFormatter={(t) => `to ${formatDate(new Date(Number(t)))}`}
          formatter={(v) => Number(v).toFixed(4)}
        />
        <Legend {...legendProps} />
        <Line
          name="our model"
          dataKey="ours"
          stroke={seriesColours.ours}
          dot={false}
          strokeWidth={2}
          isAnimationActive={false}
        />
        <Line
          name="market pre-match"
          dataKey="market"
          stroke={seriesColours.market}
          dot={false}
          strokeWidth={2}
          isAnimationActive={false}
          connectNulls={false}
        />
      </LineChart>
      <figcaption className="text-muted-foreground text-xs">
        Mean ranked probability score of the last {window} scored matches at each point, ours and the market&apos;s on
        the same matches; lower is better.
      </figcaption>
    </figure>
  );
}
