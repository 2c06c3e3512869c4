import { getDb } from "@/db/client";
import { listIngestBatches } from "@/lib/data/ingest-queries";
import { listSchedules } from "@/lib/pipelines/schedules";
import { listUpcomingFixtures } from "@/lib/predictions/prediction-queries";
import { getSystemStatus } from "@/lib/system/system-status";
import { attempt, failed } from "@/app/_components/attempt";
import { ChampionCard } from "@/app/_components/overview/champion-card";
import { ComponentHealth } from "@/app/_components/overview/component-health";
import { DataFreshnessCard } from "@/app/_components/overview/data-freshness-card";
import { LiveRefresh } from "@/app/_components/live-refresh";
import { DatabaseCard } from "@/app/_components/overview/database-card";
import { LastRunsCard } from "@/app/_components/overview/last-runs-card";
import { NextFixturesCard } from "@/app/_components/overview/next-fixtures-card";
import { SchedulesCard } from "@/app/_components/overview/schedules-card";
import { PageHeader } from "@/app/_components/page-header";
import { PipelineTriggers } from "@/app/_components/pipelines/pipeline-triggers";
import { trainingDefaults } from "@/app/_components/pipelines/training-defaults";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const now = new Date();
  const [status, fixtures, schedules, batches] = await Promise.all([
    getSystemStatus({ now }),
    attempt(async () => listUpcomingFixtures({ db: await getDb(), now, limit: 6 })),
    attempt(() => listSchedules({ from: now, count: 1 })),
    attempt(async () => listIngestBatches({ db: await getDb(), limit: 1 })),
  ]);
  const c = status.components;
  // While the executor has work, the Overview re-renders itself so that runs and counts move.
  const busy = c.executor.status === "up" && c.executor.running + c.executor.queued > 0;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Overview"
        description="The state of the system at a glance: components, data, the champion model, runs and the next fixtures."
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <ComponentHealth status={status} />
        <ChampionCard model={c.model} />
        <LastRunsCard pipelines={c.pipelines} now={now} />
        <DataFreshnessCard data={c.data} lastBatch={failed(batches) ? null : (batches[0] ?? null)} now={now} />
        {failed(fixtures) ? (
          <p className="text-destructive text-sm lg:col-span-2">
            Upcoming fixtures could not be loaded: {fixtures.error}
          </p>
        ) : (
          <NextFixturesCard fixtures={fixtures} />
        )}
        <SchedulesCard schedules={schedules} now={now} />
        <div className="lg:col-span-3">
          <PipelineTriggers trainingDefaults={trainingDefaults} />
        </div>
        <DatabaseCard database={c.database} />
      </div>
      <LiveRefresh active={busy} />
    </div>
  );
}
