import { Section } from "@/app/_components/section";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { getDataStats } from "@/lib/data/data-stats";
import { listIngestBatches, listQuarantinedRows } from "@/lib/data/ingest-queries";
import { getLeagueTable } from "@/lib/data/league-table";
import { isSeasonCode, seasonLabel } from "@/lib/data/season-code";
import { IngestBatchesTable } from "../_components/data/ingest-batches-table";
import { LeagueTable } from "../_components/data/league-table";
import { QuarantineTable } from "../_components/data/quarantine-table";
import { SeasonCoverage } from "../_components/data/season-coverage";
import { SeasonPicker } from "../_components/data/season-picker";
import { EmptyState } from "../_components/empty-state";
import { formatNumber } from "../_components/format";
import { PageHeader } from "../_components/page-header";
import { PipelineTriggers } from "../_components/pipelines/pipeline-triggers";
import { trainingDefaults } from "../_components/pipelines/training-defaults";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data" };

export default async function DataPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const requested = (await searchParams).season;
  const db = await getDb();
  const [stats, batches, quarantine] = await Promise.all([
    getDataStats({ db }),
    listIngestBatches({ db, limit: 40 }),
    listQuarantinedRows({ db, limit: 200 }),
  ]);
  const withResults = stats.seasons.filter((s) => s.finished > 0);
  const season =
    typeof requested === "string" && isSeasonCode(requested) && stats.seasons.some((s) => s.season === requested)
      ? requested
      : (withResults.at(-1)?.season ?? stats.seasons.at(-1)?.season ?? null);
  const table = season ? await getLeagueTable({ db, season }) : [];
  const t = stats.totals;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Data"
        description={`${formatNumber(t.seasons)} seasons, ${formatNumber(t.finished)} results and ${formatNumber(t.scheduled)} fixtures of ${formatNumber(t.teams)} clubs, as loaded by the ETL.`}
      />
      <Section id="seasons" title="Seasons covered" description="Choose a season for its league table.">
        {stats.seasons.length === 0 ? (
          <EmptyState title="No data loaded">Run the ETL below.</EmptyState>
        ) : (
          <SeasonCoverage seasons={stats.seasons} selected={season} />
        )}
      </Section>
      <Section
        id="league-table"
        title={season ? `League table ${seasonLabel(season)}` : "League table"}
        description="Rebuilt from the stored results: 3 points a win, 1 a draw; ordered by points, goal difference, goals scored. Points deductions and head-to-head tie-breaks are not in the results."
      >
        <div className="space-y-4">
          {stats.seasons.length ? <SeasonPicker seasons={stats.seasons} selected={season} /> : null}
          {table.length === 0 ? (
            <EmptyState title="No results yet">
              {season ? `${seasonLabel(season)} has no finished matches stored.` : null}
            </EmptyState>
          ) : (
            <LeagueTable
              rows={table}
              caption={`League table ${season ? seasonLabel(season) : ""} rebuilt from results`}
            />
          )}
        </div>
      </Section>
      <PipelineTriggers pipelines={["etl"]} trainingDefaults={trainingDefaults} />
      <Section
        id="quarantine"
        title="Quarantined rows"
        description={`${formatNumber(quarantine.total)} rows failed validation and were kept aside with the reason; the good rows of the same files were stored.${quarantine.total > quarantine.rows.length ? ` The latest ${quarantine.rows.length} are shown.` : ""}`}
      >
        {quarantine.rows.length === 0 ? (
          <EmptyState title="No quarantined rows">Every row read so far passed validation.</EmptyState>
        ) : (
          <QuarantineTable rows={quarantine.rows} />
        )}
      </Section>
      <Section
        id="batches"
        title="Ingest batches"
        description={`The latest ${batches.length} files read by the ETL: ${formatNumber(stats.batches.completed)} completed, ${formatNumber(stats.batches.skipped)} skipped as unchanged, ${formatNumber(stats.batches.failed)} failed in all.`}
      >
        {batches.length === 0 ? <EmptyState title="No ingest batches yet" /> : <IngestBatchesTable batches={batches} />}
      </Section>
    </div>
  );
}
