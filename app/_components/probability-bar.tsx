import { cn } from "@/lib/utils";
import { formatPercent } from "./format";

export interface OutcomeProbabilities {
  home: number;
  draw: number;
  away: number;
}

const segments = [
  { key: "home", label: "Home win", className: "bg-emerald-600 dark:bg-emerald-700" },
  { key: "draw", label: "Draw", className: "bg-zinc-500 dark:bg-zinc-600" },
  { key: "away", label: "Away win", className: "bg-sky-600 dark:bg-sky-700" },
] as const;

/** H/D/A probabilities as one stacked bar; the numbers are in the accessible name as well. */
export function ProbabilityBar({
  probabilities,
  label,
  className,
}: {
  probabilities: OutcomeProbabilities;
  label: string;
  className?: string;
}) {
  const name = `${label}: home ${formatPercent(probabilities.home)}, draw ${formatPercent(probabilities.draw)}, away ${formatPercent(probabilities.away)}`;
  return (
    <div
      role="img"
      aria-label={name}
      title={name}
      className={cn("flex h-6 w-full min-w-40 overflow-hidden rounded-md text-xs font-medium text-white", className)}
    >
      {segments.map((s) => {
        const p = probabilities[s.key];
        return (
          <div
            key={s.key}
            className={cn("flex items-center justify-center overflow-hidden whitespace-nowrap", s.className)}
            style={{ width: `${p * 100}%` }}
          >
            {p >= 0.12 ? formatPercent(p) : null}
          </div>
        );
      })}
    </div>
  );
}

/** The colour key of ProbabilityBar. */
export function ProbabilityLegend({ className }: { className?: string }) {
  return (
    <ul className={cn("text-muted-foreground flex flex-wrap gap-3 text-xs", className)} aria-label="Bar colours">
      {segments.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span aria-hidden className={cn("inline-block size-3 rounded-sm", s.className)} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
