import type { TrackRecord } from "@/lib/predictions/track-record";
import { EmptyState } from "../empty-state";
import { formatNumber, formatPercent, formatScore } from "../format";
import { TrackRecordChart, type RollingPoint } from "./track-record-chart";

const MAX_POINTS = 400;

/** An evenly thinned copy of a long series (always keeping its last point), so the chart stays light. */
function thin<T>(list: T[], max = MAX_POINTS): T[] {
  if (list.length <= max) return list;
  const step = list.length / max;
  const out = Array.from({ length: max - 1 }, (_, i) => list[Math.floor(i * step)]);
  return [...out, list[list.length - 1]];
}

/** A track record's totals beside the market's, and its rolling RPS chart. */
export function TrackRecordSection({
  record,
  label,
  empty,
}: {
  /** Null: nothing scored yet. */
  record: TrackRecord | null;
  label: string;
  empty: React.ReactNode;
}) {
  if (!record || record.overall.n === 0) return <EmptyState title="Nothing scored yet">{empty}</EmptyState>;
  const o = record.overall;
  // One point per kickoff time (the window after its last match), then thinned.
  const byTime = new Map(record.rolling.map((p) => [Date.parse(p.kickoff), p]));
  const points: RollingPoint[] = thin(
    [...byTime].map(([t, p]) => ({ t, ours: p.rollingRps, market: p.rollingMarketRps })),
  );
  const stats: [string, string][] = [
    ["Scored matches", formatNumber(o.n)],
    ["Our RPS", formatScore(o.rps)],
    [
      "Market RPS",
      o.market.rps === null ? "—" : `${formatScore(o.market.rps)} (${formatNumber(o.market.n)} with odds)`,
    ],
    ["Our accuracy", formatPercent(o.accuracy, 1)],
    ["Market accuracy", o.market.accuracy === null ? "—" : formatPercent(o.market.accuracy, 1)],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-5">
        {stats.map(([k, v]) => (
          <div key={k} className="rounded-lg border p-3">
            <dt className="text-muted-foreground text-xs">{k}</dt>
            <dd className="font-semibold tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      {points.length > 1 ? (
        <TrackRecordChart points={points} window={record.window} label={label} />
      ) : (
        <p className="text-muted-foreground text-sm">
          The rolling chart needs at least {record.window + 1} scored matches.
        </p>
      )}
    </div>
  );
}
