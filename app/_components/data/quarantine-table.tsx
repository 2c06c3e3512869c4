import type { QuarantinedRowView } from "@/lib/data/ingest-queries";
import { formatShortDateTime } from "../format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

/** Rows that failed validation: the file and line they came from, why, and the raw text as read. */
export function QuarantineTable({ rows }: { rows: QuarantinedRowView[] }) {
  return (
    <Table data-testid="quarantined-rows">
      <TableHeader>
        <TableRow>
          <TableHead>File</TableHead>
          <TableHead className="text-right">Line</TableHead>
          <TableHead>Reason</TableHead>
          <TableHead>Raw row</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id} data-line={r.lineNumber}>
            <TableCell className="max-w-64 whitespace-normal">
              <span className="block truncate font-mono text-xs" title={r.location}>
                {r.location}
              </span>
              <span className="text-muted-foreground text-xs">{formatShortDateTime(r.createdAt)}</span>
            </TableCell>
            <TableCell className="text-right tabular-nums">{r.lineNumber}</TableCell>
            <TableCell className="text-destructive min-w-56 whitespace-normal">{r.reason}</TableCell>
            <TableCell className="max-w-md">
              <code className="bg-muted/50 block truncate rounded px-1.5 py-0.5 text-xs" title={r.rawText}>
                {r.rawText}
              </code>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
