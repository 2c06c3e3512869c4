import type { PredictionView } from "@/lib/predictions/prediction-view";
import { formatDateTime, formatPercent } from "../format";
import { ProbabilityBar, ProbabilityLegend } from "../probability-bar";
import { EdgeCells, MarketProbabilities } from "./edge-cells";
import { RegimeBadge } from "./regime-badge";

const PICK = { H: "Home win", D: "Draw", A: "Away win" } as const;

/** One forecast from the single-match form. */
export function PredictionResult({ prediction: p }: { prediction: PredictionView }) {
  const title = `${p.homeTeam.name} v ${p.awayTeam.name}`;
  return (
    <section
      aria-label={`Forecast: ${title}`}
      className="space-y-3 rounded-lg border p-4"
      data-testid="prediction-result"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">{title}</h3>
        <p className="text-muted-foreground text-xs">
          model v{p.modelVersion} · features as of {formatDateTime(p.kickoff)} UK
        </p>
      </div>
      <ProbabilityBar probabilities={p.probabilities} label={`Our forecast for ${title}`} className="h-8" />
      <ProbabilityLegend />
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted-foreground">Made</dt>
        <dd>
          <RegimeBadge regime={p.regime} score={p.regimeScore} />
        </dd>
        <dt className="text-muted-foreground">Most likely</dt>
        <dd>
          {PICK[p.predicted]} ({formatPercent(p.confidence, 1)})
        </dd>
        <dt className="text-muted-foreground">Ours</dt>
        <dd className="tabular-nums">
          H {formatPercent(p.probabilities.home, 1)} · D {formatPercent(p.probabilities.draw, 1)} · A{" "}
          {formatPercent(p.probabilities.away, 1)}
        </dd>
        <dt className="text-muted-foreground">Market</dt>
        <dd>
          <MarketProbabilities market={p.market} />
          {p.market?.source ? (
            <span className="text-muted-foreground text-xs">
              {" "}
              ({p.market.source === "request" ? "from the odds you gave, margin removed" : p.market.source})
            </span>
          ) : null}
        </dd>
        <dt className="text-muted-foreground">Edge (points)</dt>
        <dd>
          <EdgeCells edge={p.edge} />
        </dd>
      </dl>
      <p className="text-muted-foreground text-xs">
        Stored as ad-hoc prediction #{p.id}; it is scored if this pairing is played this season.
      </p>
    </section>
  );
}
