import Link from "next/link";
import type { PipelineRun } from "@/db/schema";
import { formatDateTime, formatDuration, formatRelative, formatShortDateTime } from "../format";
import { StatusBadge } from "../status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";
import type { RunSearch } from "./run-search";
import { SortableHead } from "./sortable-head";

/** One page of runs; headers sort through the URL. */
export function RunsTable({ runs, search, now }: { runs: PipelineRun[]; search: RunSearch; now: Date }) {
  return (
    <Table data-testid="runs-table">
      <TableHeader>
        <TableRow>
          <TableHead>Run</TableHead>
          <SortableHead search={search} column="functionId">
            Function
          </SortableHead>
          <TableHead>Trigger</TableHead>
          <SortableHead search={search} column="status">
            Status
          </SortableHead>
          <SortableHead search={search} column="queuedAt">
            Queued
          </SortableHead>
          <SortableHead search={search} column="startedAt">
            Started
          </SortableHead>
          <SortableHead search={search} column="durationMs" className="text-right">
            Duration
          </SortableHead>
          <TableHead>Error</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow
            key={run.id}
            data-run-id={run.id}
            data-function={run.functionId}
            data-status={run.status}
            data-duration-ms={run.durationMs ?? ""}
          >
            <TableCell>
              <Link
                href={`/runs/${run.id}`}
                className="font-mono text-xs underline underline-offset-4"
                aria-label={`Run ${run.id.slice(0, 8)} (${run.functionId}, ${run.status})`}
              >
                {run.id.slice(0, 8)}
              </Link>
            </TableCell>
            <TableCell className="font-medium">{run.functionId}</TableCell>
            <TableCell>
              {run.trigger}
              {run.eventName && run.trigger === "event" ? (
                <span className="text-muted-foreground block text-xs">{run.eventName}</span>
              ) : null}
            </TableCell>
            <TableCell>
              <StatusBadge status={run.status} />
            </TableCell>
            <TableCell title={formatDateTime(run.queuedAt)}>{formatRelative(run.queuedAt, now)}</TableCell>
            <TableCell>
              {run.startedAt ? (
                formatShortDateTime(run.startedAt)
              ) : (
                <span className="text-muted-foreground">not yet</span>
              )}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatDuration(run.durationMs)}</TableCell>
            <TableCell className="text-destructive max-w-72 truncate text-xs" title={run.error ?? undefined}>
              {run.error ?? ""}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
