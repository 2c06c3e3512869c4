"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { ReliabilityBin } from "@/lib/model/metrics/calibration";
import { axisProps, gridProps, legendProps, seriesColours, tooltipProps } from "../charts/chart-theme";

interface Series {
  name: string;
  bins: ReliabilityBin[];
  colour: keyof typeof seriesColours;
}

const points = (bins: ReliabilityBin[]) =>
  bins.filter((b) => b.count > 0).map((b) => ({ x: b.meanPredicted, y: b.observedFrequency, n: b.count }));

const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * Reliability diagram: for forecasts grouped by probability, how often the outcome happened.
 * On the diagonal, a forecast of 30% comes true 30% of the time.
 */
export function ReliabilityChart({ series, label }: { series: Series[]; label: string }) {
  return (
    <figure className="space-y-2">
      <LineChart
        responsive
        style={{ width: "100%", height: 320 }}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        aria-label={label}
      >
        <CartesianGrid {...gridProps} />
        <XAxis
          type="number"
          dataKey="x"
          domain={[0, 1]}
          ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
          tickFormatter={pct}
          {...axisProps}
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={[0, 1]}
          ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
          tickFormatter={pct}
          width={44}
          {...axisProps}
        />
        <ReferenceLine
          segment={[
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ]}
          stroke={seriesColours.reference}
          strokeDasharray="4 4"
          ifOverflow="hidden"
        />
        <Tooltip
          {...tooltipProps}
          formatter={(value) => pct(Number(value))}
          labelFormatter={(value) => `forecast ${pct(Number(value))}`}
        />
        <Legend {...legendProps} />
        {series.map((s) => (
          <Line
            key={s.name}
            name={s.name}
            data={points(s.bins)}
            dataKey="y"
            stroke={seriesColours[s.colour]}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      <figcaption className="text-muted-foreground text-xs">
        x: mean forecast probability in each 10% bin (home, draw and away forecasts together); y: how often that outcome
        happened. The dashed diagonal is perfect calibration.
      </figcaption>
    </figure>
  );
}
