import type { IngestBatch } from "@/db/schema";
import type { SystemStatus } from "@/lib/system/system-status";
import { formatDate, formatDateTime, formatNumber, formatRelative } from "../format";
import { StatusBadge } from "../status-badge";
import { Alert, AlertDescription } from "../ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../ui/card";

/** How old the latest result is, fixtures waiting for theirs, and the last ingest batch. */
export function DataFreshnessCard({
  data,
  lastBatch,
  now,
}: {
  data: SystemStatus["components"]["data"];
  lastBatch: IngestBatch | null;
  now: Date;
}) {
  return (
    <Card aria-labelledby="freshness-title">
      <CardHeader>
        <CardTitle id="freshness-title" role="heading" aria-level={2}>
          Data freshness
        </CardTitle>
        <CardDescription>Results and fixtures as of the last ETL.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3 text-sm" data-testid="data-freshness">
        {"stale" in data ? (
          <>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2">
              <dt className="text-muted-foreground">Latest result</dt>
              <dd>
                {data.latestResult ? `${formatDate(data.latestResult)} (${data.ageDays} days ago)` : "none stored"}
              </dd>
              <dt className="text-muted-foreground">Awaiting results</dt>
              <dd>{formatNumber(data.fixturesAwaitingResult)} fixtures have kicked off</dd>
              <dt className="text-muted-foreground">Last ingest</dt>
              <dd className="min-w-0">
                {lastBatch ? (
                  <span className="flex flex-wrap items-center gap-2">
                    <StatusBadge status={lastBatch.status} />
                    <span title={formatDateTime(lastBatch.startedAt)}>{formatRelative(lastBatch.startedAt, now)}</span>
                  </span>
                ) : (
                  "never"
                )}
              </dd>
            </dl>
            {data.stale ? (
              <Alert variant="warning">
                <AlertDescription className="text-inherit">{data.message}</AlertDescription>
              </Alert>
            ) : null}
          </>
        ) : (
          <p className="text-destructive">{data.error}</p>
        )}
      </CardContent>
    </Card>
  );
}
