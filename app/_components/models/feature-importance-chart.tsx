"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { axisProps, gridProps, seriesColours, tooltipProps } from "../charts/chart-theme";
import { useMediaQuery } from "../charts/use-media-query";

/** The final model's mean impurity decrease per feature, largest first. */
export function FeatureImportanceChart({
  importance,
  limit = 20,
}: {
  importance: { feature: string; importance: number }[];
  limit?: number;
}) {
  // Feature names are long: full on wide screens, shortened (full name in the tooltip) on phones.
  const wide = useMediaQuery("(min-width: 640px)");
  const labelWidth = wide ? 230 : 120;
  const label = (name: string) => (wide || name.length <= 18 ? name : `${name.slice(0, 17)}…`);
  const total = importance.reduce((s, f) => s + f.importance, 0) || 1;
  const data = [...importance]
    .sort((a, b) => b.importance - a.importance)
    .slice(0, limit)
    .map((f) => ({ feature: f.feature, share: f.importance / total }));
  // Ticks every 5% (10% past 40%) up to the largest share, so the axis reads in round numbers.
  const top = data[0]?.share ?? 0;
  const step = top > 0.4 ? 0.1 : 0.05;
  const ticks = Array.from({ length: Math.floor(top / step) + 2 }, (_, i) => Math.round(i * step * 100) / 100);
  return (
    <figure className="space-y-2">
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={{ width: "100%", height: Math.max(160, data.length * 24 + 40) }}
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        aria-label={`Feature importance, top ${data.length} of ${importance.length} features`}
      >
        <CartesianGrid {...gridProps} horizontal={false} />
        <XAxis
          type="number"
          ticks={ticks}
          domain={[0, ticks[ticks.length - 1]]}
          tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          {...axisProps}
        />
        <YAxis
          type="category"
          dataKey="feature"
          width={labelWidth}
          interval={0}
          tickFormatter={label}
          {...axisProps}
          tick={{ ...axisProps.tick, fontSize: 11 }}
        />
        <Tooltip
          {...tooltipProps}
          formatter={(value) => [`${(Number(value) * 100).toFixed(1)}%`, "share of importance"]}
          cursor={{ fill: "var(--muted)" }}
        />
        <Bar dataKey="share" fill={seriesColours.ours} isAnimationActive={false} radius={[0, 3, 3, 0]} />
      </BarChart>
      <figcaption className="text-muted-foreground text-xs">
        Mean decrease in Gini impurity of each feature over the final model&apos;s trees, as a share of the total
        {importance.length > data.length ? `; the top ${data.length} of ${importance.length} features` : ""}.
      </figcaption>
    </figure>
  );
}
