import type { Metadata } from "next";
import { isFinishedRunStatus } from "@/db/run-status";
import { getDb } from "@/db/client";
import { listRuns } from "@/lib/runs/run-queries";
import { EmptyState } from "@/app/_components/empty-state";
import { LiveRefresh } from "@/app/_components/live-refresh";
import { PageHeader } from "@/app/_components/page-header";
import { PipelineTriggers } from "@/app/_components/pipelines/pipeline-triggers";
import { trainingDefaults } from "@/app/_components/pipelines/training-defaults";
import { PaginationNav } from "@/app/_components/runs/pagination-nav";
import { RunFilters } from "@/app/_components/runs/run-filters";
import { parseRunSearch, runSearchHref, type SearchParams } from "@/app/_components/runs/run-search";
import { RunsTable } from "@/app/_components/runs/runs-table";
import { Card, CardContent } from "@/app/_components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = parseRunSearch(await searchParams);
  const now = new Date();
  const result = await listRuns({
    db: await getDb(),
    functionId: search.function,
    status: search.status,
    page: search.page,
    pageSize: search.size,
    sort: { column: search.sort, direction: search.dir },
  });
  const active = result.rows.some((r) => !isFinishedRunStatus(r.status));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Runs"
        description="Every pipeline run, whichever executor ran it: filter, sort and page through them; open one for its steps and logs."
      />
      <Card>
        <CardContent className="space-y-4">
          <RunFilters search={search} />
          {result.total === 0 ? (
            <EmptyState title={search.function || search.status ? "No run matches these filters" : "No runs yet"}>
              {search.function || search.status
                ? "Clear a filter to see more."
                : "Start a pipeline below; a fresh install runs ETL, training and predictions by itself."}
            </EmptyState>
          ) : result.rows.length === 0 ? (
            <EmptyState title={`There is no page ${search.page}`}>The list has {result.pageCount} pages.</EmptyState>
          ) : (
            <RunsTable runs={result.rows} search={search} now={now} />
          )}
          <PaginationNav
            page={search.page}
            pageCount={result.pageCount}
            total={result.total}
            noun={result.total === 1 ? "run" : "runs"}
            href={(page) => runSearchHref(search, { page })}
          />
        </CardContent>
      </Card>
      <PipelineTriggers trainingDefaults={trainingDefaults} />
      <LiveRefresh active={active} />
    </div>
  );
}
