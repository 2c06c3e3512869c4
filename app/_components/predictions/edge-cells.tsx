import type { PredictionView } from "@/lib/predictions/prediction-view";
import { cn } from "@/lib/utils";
import { formatPercent } from "../format";

const OUTCOMES = [
  ["home", "H"],
  ["draw", "D"],
  ["away", "A"],
] as const;

/** The market's margin-free H/D/A probabilities, or why there are none. */
export function MarketProbabilities({ market }: { market: PredictionView["market"] }) {
  if (!market) return <span className="text-muted-foreground text-xs">no odds yet</span>;
  return (
    <span className="tabular-nums" title={market.source ? `from ${market.source}` : undefined}>
      {OUTCOMES.map(([k, letter]) => `${letter} ${formatPercent(market[k])}`).join(" · ")}
    </span>
  );
}

/** Our probability minus the market's per outcome, in percentage points; positive: we rate it likelier. */
export function EdgeCells({ edge }: { edge: PredictionView["edge"] }) {
  if (!edge) return <span className="text-muted-foreground text-xs">—</span>;
  return (
    <span className="flex gap-2 tabular-nums">
      {OUTCOMES.map(([k, letter]) => {
        const pp = edge[k] * 100;
        return (
          <span
            key={k}
            className={cn(pp >= 2 ? "text-emerald-700 dark:text-emerald-400" : pp <= -2 ? "text-muted-foreground" : "")}
          >
            {letter} {pp > 0 ? "+" : pp < 0 ? "−" : ""}
            {Math.abs(pp).toFixed(1)}
          </span>
        );
      })}
    </span>
  );
}
