import type { LeagueTableRow } from "@/lib/data/league-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

/** A season's table rebuilt from its results. */
export function LeagueTable({ rows, caption }: { rows: LeagueTableRow[]; caption: string }) {
  return (
    <Table data-testid="league-table">
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHead className="w-10 text-right">#</TableHead>
          <TableHead>Club</TableHead>
          <TableHead className="text-right" title="played">
            P
          </TableHead>
          <TableHead className="text-right" title="won">
            W
          </TableHead>
          <TableHead className="text-right" title="drawn">
            D
          </TableHead>
          <TableHead className="text-right" title="lost">
            L
          </TableHead>
          <TableHead className="text-right" title="goals for">
            GF
          </TableHead>
          <TableHead className="text-right" title="goals against">
            GA
          </TableHead>
          <TableHead className="text-right" title="goal difference">
            GD
          </TableHead>
          <TableHead className="text-right" title="points">
            Pts
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.team} data-team={r.team}>
            <TableCell className="text-muted-foreground text-right tabular-nums">{r.position}</TableCell>
            <TableCell className="font-medium">{r.team}</TableCell>
            <TableCell className="text-right tabular-nums">{r.played}</TableCell>
            <TableCell className="text-right tabular-nums">{r.won}</TableCell>
            <TableCell className="text-right tabular-nums">{r.drawn}</TableCell>
            <TableCell className="text-right tabular-nums">{r.lost}</TableCell>
            <TableCell className="text-right tabular-nums">{r.goalsFor}</TableCell>
            <TableCell className="text-right tabular-nums">{r.goalsAgainst}</TableCell>
            <TableCell className="text-right tabular-nums">{signed(r.goalDifference)}</TableCell>
            <TableCell className="text-right font-semibold tabular-nums">{r.points}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
