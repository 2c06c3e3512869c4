import type { DatabaseStatus } from "@/lib/system/database-status";
import { formatNumber } from "../format";
import { Badge } from "../ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../ui/card";

/** Where the data lives and how many rows of each kind it holds. */
export function DatabaseCard({ database }: { database: DatabaseStatus }) {
  return (
    <Card aria-labelledby="database-status-title" className="lg:col-span-3">
      <CardHeader>
        <CardTitle id="database-status-title" role="heading" aria-level={2}>
          Database
        </CardTitle>
        <CardDescription>Where every match, run and model lives.</CardDescription>
      </CardHeader>
      <CardContent>
        {database.status === "up" ? (
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,20rem)_1fr]">
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm" data-testid="database-status">
              <dt className="text-muted-foreground">Status</dt>
              <dd>
                <Badge variant="success">up</Badge>
              </dd>
              <dt className="text-muted-foreground">Driver</dt>
              <dd>{database.driver === "pglite" ? "PGlite (embedded)" : "Postgres"}</dd>
              <dt className="text-muted-foreground">Location</dt>
              <dd className="truncate font-mono text-xs" title={database.location}>
                {database.location}
              </dd>
              <dt className="text-muted-foreground">Latency</dt>
              <dd>{database.latencyMs.toFixed(2)} ms</dd>
              <dt className="text-muted-foreground">Migration</dt>
              <dd className="font-mono text-xs">{database.migration?.tag ?? "none"}</dd>
            </dl>
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" aria-label="Rows stored per kind">
              {(
                [
                  ["Matches played", database.counts.matchesFinished],
                  ["Fixtures", database.counts.matchesScheduled],
                  ["Teams", database.counts.teams],
                  ["Ingest batches", database.counts.ingestBatches],
                  ["Quarantined rows", database.counts.quarantinedRows],
                  ["Pipeline runs", database.counts.pipelineRuns],
                  ["Model versions", database.counts.modelVersions],
                  ["Predictions", database.counts.predictions],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className="rounded-lg border p-3">
                  <dt className="text-muted-foreground text-xs">{label}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{formatNumber(value)}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : (
          <div className="space-y-2 text-sm" data-testid="database-status">
            <Badge variant="destructive">down</Badge>
            <p className="text-destructive">{database.error}</p>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
