import { Section } from "@/app/_components/section";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { getPredictionHistory } from "@/lib/predictions/prediction-history";
import { listUpcomingFixtures } from "@/lib/predictions/prediction-queries";
import { loadTeamLookup } from "@/lib/predictions/team-lookup";
import { getAliasTarget } from "@/lib/registry/aliases";
import { getModelVersionSummaryById } from "@/lib/registry/model-versions";
import { REGIMES } from "@/db/regimes";
import { EmptyState } from "../_components/empty-state";
import { RegimeRecords } from "../_components/predictions/regime-records";
import { PageHeader } from "../_components/page-header";
import { PipelineTriggers } from "../_components/pipelines/pipeline-triggers";
import { trainingDefaults } from "../_components/pipelines/training-defaults";
import { PredictMatchForm } from "../_components/predictions/predict-match-form";
import { TrackRecordSection } from "../_components/predictions/track-record-section";
import { UpcomingTable } from "../_components/predictions/upcoming-table";
import { ProbabilityLegend } from "../_components/probability-bar";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Predictions" };

export default async function PredictionsPage() {
  const db = await getDb();
  const now = new Date();
  const championId = await getAliasTarget({ db, alias: "champion" });
  // The track records are the API's own (GET /api/predictions/history), descriptions included.
  const [fixtures, history, champion, lookup] = await Promise.all([
    listUpcomingFixtures({ db, now, limit: 20 }),
    getPredictionHistory({ db, window: 50 }),
    championId === null ? Promise.resolve(null) : getModelVersionSummaryById({ db, id: championId }),
    loadTeamLookup({ db }),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Predictions"
        description="The champion's forecasts of upcoming fixtures beside the market's, its track record, and a forecast for any pairing."
      />
      <Section
        id="upcoming-title"
        title="Upcoming fixtures"
        description={
          <>
            The next {fixtures.length} scheduled matches with the champion{champion ? ` (v${champion.version})` : ""}
            &apos;s probabilities. Market: the bookmakers&apos; prices with their margin removed, once odds are known.
            Edge: ours minus the market&apos;s, in percentage points.
          </>
        }
      >
        {fixtures.length === 0 ? (
          <EmptyState title="No upcoming fixtures">Load a fixture list with the ETL.</EmptyState>
        ) : (
          <div className="space-y-3">
            <ProbabilityLegend />
            <UpcomingTable fixtures={fixtures} />
          </div>
        )}
      </Section>
      <PipelineTriggers pipelines={["predictions"]} trainingDefaults={trainingDefaults} />
      <Section id="live-record-title" title="Track record: live predictions" description={history.live.description}>
        <div className="space-y-4">
          <TrackRecordSection
            record={history.live.trackRecord}
            label="Rolling RPS of live predictions, ours and the market's"
            empty="No stored forecast has had its match played yet. They are scored by the scoring pipeline after the ETL brings the results."
          />
          <RegimeRecords records={history.live.regimes} label="Live track record by regime" />
        </div>
      </Section>
      <Section
        id="backtest-record-title"
        title={`Track record: walk-forward backtest${champion ? ` of v${champion.version}` : ""}`}
        description={history.backtest?.description ?? "There is no champion yet."}
      >
        {history.backtest ? (
          <div className="space-y-4">
            <RegimeRecords records={history.backtest.regimes} label="Backtest by regime" />
            {REGIMES.map((regime) => (
              <div key={regime} className="space-y-2">
                <h3 className="text-sm font-medium">{regime}</h3>
                <TrackRecordSection
                  record={history.backtest!.regimes[regime]}
                  label={`Rolling RPS of the ${regime} walk-forward backtest of v${history.backtest!.modelVersion}, ours and the market's`}
                  empty="This champion has no stored backtest forecasts in this regime."
                />
              </div>
            ))}
          </div>
        ) : (
          <EmptyState title="No champion yet">Run the training pipeline first.</EmptyState>
        )}
      </Section>
      <Section
        id="single-match-title"
        title="Predict a single match"
        description="Any two clubs in the database, at any kickoff, with or without odds."
      >
        {championId === null ? (
          <EmptyState title="No champion model yet">Run the training pipeline first.</EmptyState>
        ) : (
          <PredictMatchForm teams={lookup.all()} />
        )}
      </Section>
    </div>
  );
}
