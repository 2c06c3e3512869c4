import { REGIMES, type Regime } from "@/db/regimes";
import type { TrackRecord } from "@/lib/predictions/track-record";
import { formatNumber, formatPercent, formatScore } from "../format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

/** A track record split by regime: the forecasts made with odds and those made without, each on its own. */
export function RegimeRecords({ records, label }: { records: Record<Regime, TrackRecord | null>; label: string }) {
  return (
    <Table aria-label={label} data-testid="regime-records">
      <TableHeader>
        <TableRow>
          <TableHead>Regime</TableHead>
          <TableHead>Scored matches</TableHead>
          <TableHead>Our RPS</TableHead>
          <TableHead>Market RPS (same matches)</TableHead>
          <TableHead>Our accuracy</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {REGIMES.map((regime) => {
          const o = records[regime]?.overall;
          return (
            <TableRow key={regime} data-regime={regime}>
              <TableCell className="font-medium">{regime}</TableCell>
              <TableCell>{o ? formatNumber(o.n) : "none scored yet"}</TableCell>
              <TableCell className="tabular-nums">{o ? formatScore(o.rps) : "—"}</TableCell>
              <TableCell className="tabular-nums">
                {o?.market.rps == null ? "—" : `${formatScore(o.market.rps)} (${formatNumber(o.market.n)})`}
              </TableCell>
              <TableCell className="tabular-nums">{o ? formatPercent(o.accuracy, 1) : "—"}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
