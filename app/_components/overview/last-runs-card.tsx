import Link from "next/link";
import { PIPELINE_NAMES } from "@/lib/pipelines/pipeline-names";
import type { SystemStatus } from "@/lib/system/system-status";
import { formatDateTime, formatDuration, formatRelative } from "../format";
import { StatusBadge } from "../status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

/** The most recent run of each pipeline. */
export function LastRunsCard({ pipelines, now }: { pipelines: SystemStatus["components"]["pipelines"]; now: Date }) {
  return (
    <Card aria-labelledby="last-runs-title" className="lg:col-span-2">
      <CardHeader>
        <CardTitle id="last-runs-title" role="heading" aria-level={2}>
          Last run of each pipeline
        </CardTitle>
        <CardDescription>
          <Link href="/runs" className="underline underline-offset-4">
            Every run
          </Link>
        </CardDescription>
      </CardHeader>
      <CardContent>
        {"status" in pipelines ? (
          <p className="text-destructive text-sm">{String(pipelines.error)}</p>
        ) : (
          <Table data-testid="last-runs">
            <TableHeader>
              <TableRow>
                <TableHead>Pipeline</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Trigger</TableHead>
                <TableHead>Queued</TableHead>
                <TableHead className="text-right">Duration</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {PIPELINE_NAMES.map((fn) => {
                const run = pipelines[fn];
                return (
                  <TableRow key={fn} data-pipeline={fn}>
                    <TableCell className="font-medium">
                      {run ? (
                        <Link href={`/runs/${run.id}`} className="underline-offset-4 hover:underline">
                          {fn}
                        </Link>
                      ) : (
                        fn
                      )}
                    </TableCell>
                    <TableCell>
                      {run ? (
                        <StatusBadge status={run.status} />
                      ) : (
                        <span className="text-muted-foreground">never run</span>
                      )}
                    </TableCell>
                    <TableCell>{run?.trigger ?? ""}</TableCell>
                    <TableCell title={run ? formatDateTime(run.queuedAt) : undefined}>
                      {run ? formatRelative(run.queuedAt, now) : ""}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {run ? formatDuration(run.durationMs) : ""}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
