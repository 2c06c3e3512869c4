import type { Regime } from "@/db/regimes";
import type { RegimeScore } from "@/lib/registry/regime-score";
import { formatScore } from "../format";
import { Badge } from "../ui/badge";

/**
 * Which model made a forecast (with the match's odds, or without) and that regime's walk-forward
 * RPS: the score of forecasts made the same way, never a better figure from the other regime.
 */
export function RegimeBadge({ regime, score }: { regime: Regime; score: RegimeScore | null }) {
  const text = score
    ? `walk-forward RPS ${formatScore(score.rps)}${score.marketRps === null ? "" : ` (market ${formatScore(score.marketRps)})`}`
    : "no walk-forward score in this regime";
  return (
    <span className="inline-flex flex-wrap items-center gap-1 text-xs" data-testid="regime" data-regime={regime}>
      <Badge variant={regime === "with-odds" ? "secondary" : "outline"}>{regime}</Badge>
      <span className="text-muted-foreground tabular-nums">{text}</span>
    </span>
  );
}
