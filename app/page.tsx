import { getDatabase } from "@/db/client";
import { getDatabaseStatus } from "@/lib/system/database-status";
import { Badge } from "./_components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./_components/ui/card";

export const dynamic = "force-dynamic";

const numberFormat = new Intl.NumberFormat("en-GB");

export default async function OverviewPage() {
  const database = await getDatabaseStatus(getDatabase);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="text-muted-foreground text-sm">The state of the system at a glance.</p>
      </header>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="database-status-title">
          <CardHeader>
            <CardTitle id="database-status-title">Database</CardTitle>
            <CardDescription>Where every match, run and model lives.</CardDescription>
          </CardHeader>
          <CardContent>
            {database.status === "up" ? (
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="database-status">
                <dt className="text-muted-foreground">Status</dt>
                <dd>
                  <Badge variant="success">up</Badge>
                </dd>
                <dt className="text-muted-foreground">Driver</dt>
                <dd>{database.driver === "pglite" ? "PGlite (embedded)" : "Postgres"}</dd>
                <dt className="text-muted-foreground">Location</dt>
                <dd className="truncate font-mono text-xs">{database.location}</dd>
                <dt className="text-muted-foreground">Latency</dt>
                <dd>{database.latencyMs.toFixed(2)} ms</dd>
                <dt className="text-muted-foreground">Migration</dt>
                <dd className="font-mono text-xs">{database.migration?.tag ?? "none"}</dd>
              </dl>
            ) : (
              <div className="space-y-2 text-sm" data-testid="database-status">
                <Badge variant="destructive">down</Badge>
                <p className="text-destructive">{database.error}</p>
              </div>
            )}
          </CardContent>
        </Card>
        <Card aria-labelledby="counts-title">
          <CardHeader>
            <CardTitle id="counts-title">Contents</CardTitle>
            <CardDescription>Rows stored per kind.</CardDescription>
          </CardHeader>
          <CardContent>
            {database.status === "up" ? (
              <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
                {(
                  [
                    ["Teams", database.counts.teams],
                    ["Matches played", database.counts.matchesFinished],
                    ["Fixtures", database.counts.matchesScheduled],
                    ["Ingest batches", database.counts.ingestBatches],
                    ["Quarantined rows", database.counts.quarantinedRows],
                    ["Pipeline runs", database.counts.pipelineRuns],
                    ["Model versions", database.counts.modelVersions],
                    ["Predictions", database.counts.predictions],
                  ] as const
                ).map(([label, value]) => (
                  <div key={label} className="rounded-lg border p-3">
                    <dt className="text-muted-foreground text-xs">{label}</dt>
                    <dd className="text-lg font-semibold tabular-nums">{numberFormat.format(value)}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="text-muted-foreground text-sm">Unavailable while the database is down.</p>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
