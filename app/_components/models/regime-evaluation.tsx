import type { Regime } from "@/db/regimes";
import type { RegimeMetrics } from "@/lib/registry/model-metrics";
import { Section } from "../section";
import { EmptyState } from "../empty-state";
import { FeatureImportanceChart } from "./feature-importance-chart";
import { ForecasterScoresTable } from "./forecaster-scores-table";
import { ReliabilityChart } from "./reliability-chart";
import { SeasonMetricsTable } from "./season-metrics-table";

const ABOUT: Record<Regime, string> = {
  "odds-free": "The model that never reads odds: it forecasts fixtures and requests without them.",
  "with-odds": "The model that reads the match's pre-match odds: it forecasts once they are known.",
};

/** One regime's walk-forward evaluation of a version: scores beside the baselines, reliability, importance, per season. */
export function RegimeEvaluation({
  version,
  regime,
  metrics,
}: {
  version: number;
  regime: Regime;
  metrics: RegimeMetrics;
}) {
  const ours = metrics.pooled.scores.model;
  const market = metrics.pooled.scores.marketPreMatch;
  return (
    <div className="space-y-6" data-testid={`regime-${regime}`}>
      <Section
        id={`${regime}-scores`}
        title={`${regime}: scores over the evaluation window`}
        description={`${ABOUT[regime]} Every forecaster on the same matches. RPS, log loss, Brier and calibration error: lower is better.`}
      >
        <ForecasterScoresTable pooled={metrics.pooled} />
      </Section>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Section title={`${regime}: reliability`} description="Does a 40% forecast come true 40% of the time?">
          {ours ? (
            <ReliabilityChart
              label={`Reliability of v${version} (${regime}) and of the market`}
              series={[
                { name: `our model (v${version}, ${regime})`, bins: ours.reliability, colour: "ours" },
                ...(market ? [{ name: "market pre-match", bins: market.reliability, colour: "market" as const }] : []),
              ]}
            />
          ) : (
            <EmptyState title="No scores recorded" />
          )}
        </Section>
        <Section title={`${regime}: feature importance`}>
          {metrics.featureImportance?.length ? (
            <FeatureImportanceChart importance={metrics.featureImportance} />
          ) : (
            <EmptyState title="Not reported">This engine does not report feature importances.</EmptyState>
          )}
        </Section>
      </div>
      <Section
        title={`${regime}: per-season walk-forward`}
        description="Each season forecast by a model fitted only on the seasons before it."
      >
        <SeasonMetricsTable seasons={metrics.seasons} />
      </Section>
    </div>
  );
}
