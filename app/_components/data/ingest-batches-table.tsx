import Link from "next/link";
import type { IngestBatch } from "@/db/schema";
import { seasonLabel } from "@/lib/data/season-code";
import { formatShortDateTime, formatDuration, formatNumber } from "../format";
import { StatusBadge } from "../status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

/** One row per file per ETL run: what was read, what changed, what was quarantined. */
export function IngestBatchesTable({ batches }: { batches: IngestBatch[] }) {
  return (
    <Table data-testid="ingest-batches">
      <TableHeader>
        <TableRow>
          <TableHead>Started</TableHead>
          <TableHead>File</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Read</TableHead>
          <TableHead className="text-right">New</TableHead>
          <TableHead className="text-right">Updated</TableHead>
          <TableHead className="text-right">Unchanged</TableHead>
          <TableHead className="text-right">Quarantined</TableHead>
          <TableHead className="text-right">Duration</TableHead>
          <TableHead>Run</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {batches.map((b) => (
          <TableRow key={b.id} data-batch-id={b.id} data-status={b.status}>
            <TableCell>{formatShortDateTime(b.startedAt)}</TableCell>
            <TableCell className="max-w-80 whitespace-normal">
              <span className="block truncate font-mono text-xs" title={b.location}>
                {b.location}
              </span>
              <span className="text-muted-foreground text-xs">
                {b.source}
                {b.season ? ` · ${seasonLabel(b.season)}` : ""}
              </span>
              {b.error ? <span className="text-destructive block text-xs break-words">{b.error}</span> : null}
            </TableCell>
            <TableCell>
              <StatusBadge status={b.status} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatNumber(b.rowsRead)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatNumber(b.inserted)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatNumber(b.updated)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatNumber(b.unchanged)}</TableCell>
            <TableCell
              className={
                b.quarantined ? "text-destructive text-right font-medium tabular-nums" : "text-right tabular-nums"
              }
            >
              {formatNumber(b.quarantined)}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatDuration(b.durationMs)}</TableCell>
            <TableCell>
              {b.runId ? (
                <Link href={`/runs/${b.runId}`} className="font-mono text-xs underline underline-offset-4">
                  {b.runId.slice(0, 8)}
                </Link>
              ) : (
                <span className="text-muted-foreground text-xs">CLI</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
