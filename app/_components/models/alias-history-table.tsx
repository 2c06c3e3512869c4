import Link from "next/link";
import type { getAliasHistory } from "@/lib/registry/aliases";
import { EmptyState } from "../empty-state";
import { formatShortDateTime } from "../format";
import { Badge } from "../ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

type Entry = Awaited<ReturnType<typeof getAliasHistory>>[number];

function VersionLink({ id, versionOf }: { id: number | null; versionOf: Map<number, number> }) {
  if (id === null) return <span className="text-muted-foreground">none</span>;
  const version = versionOf.get(id);
  return version === undefined ? (
    <span>id {id}</span>
  ) : (
    <Link href={`/models/${version}`} className="underline underline-offset-4">
      v{version}
    </Link>
  );
}

/** Every alias change, newest first, with who made it and why. */
export function AliasHistoryTable({ entries, versionOf }: { entries: Entry[]; versionOf: Map<number, number> }) {
  if (entries.length === 0)
    return <EmptyState title="No alias changes yet">Training sets the first champion.</EmptyState>;
  return (
    <Table data-testid="alias-history">
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Alias</TableHead>
          <TableHead>Action</TableHead>
          <TableHead>From</TableHead>
          <TableHead>To</TableHead>
          <TableHead>By</TableHead>
          <TableHead>Why</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id}>
            <TableCell>{formatShortDateTime(e.at)}</TableCell>
            <TableCell>{e.alias}</TableCell>
            <TableCell>
              <Badge variant={e.action === "rollback" ? "warning" : "outline"}>{e.action}</Badge>
            </TableCell>
            <TableCell>
              <VersionLink id={e.previousModelVersionId} versionOf={versionOf} />
            </TableCell>
            <TableCell>
              <VersionLink id={e.modelVersionId} versionOf={versionOf} />
            </TableCell>
            <TableCell className="max-w-48 truncate" title={e.actor}>
              {e.actor}
            </TableCell>
            <TableCell className="min-w-64 text-xs whitespace-normal">{e.reason}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
