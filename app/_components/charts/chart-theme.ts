// Recharts props that follow the theme's CSS variables, so charts switch with dark mode.
export const axisProps = {
  stroke: "var(--border)",
  tick: { fill: "var(--muted-foreground)", fontSize: 12 },
  tickLine: { stroke: "var(--border)" },
} as const;

export const gridProps = { stroke: "var(--border)", strokeDasharray: "3 3" } as const;

export const tooltipProps = {
  contentStyle: {
    background: "var(--popover)",
    border: "1px solid var(--border)",
    borderRadius: 8,
    color: "var(--popover-foreground)",
    fontSize: 12,
  },
  labelStyle: { color: "var(--popover-foreground)" },
  itemStyle: { color: "var(--popover-foreground)" },
} as const;

export const legendProps = { wrapperStyle: { fontSize: 12, color: "var(--muted-foreground)" } } as const;

export const seriesColours = {
  ours: "var(--chart-1)",
  market: "var(--chart-2)",
  reference: "var(--muted-foreground)",
} as const;
