import Link from "next/link";
import { metricsOf, type ModelVersionSummary } from "@/lib/registry/model-versions";
import { formatNumber, formatPercent, formatScore, formatShortDateTime, formatSigned } from "../format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";
import { AliasBadges } from "./alias-badges";
import { windowLabel } from "./window-label";

/** Every version with its walk-forward scores beside the market's on the same matches. */
export function ModelVersionsTable({
  versions,
  aliasesOf,
}: {
  versions: ModelVersionSummary[];
  aliasesOf: (id: number) => string[];
}) {
  return (
    <Table data-testid="model-versions">
      <TableHeader>
        <TableRow>
          <TableHead>Version</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Engine, data fingerprint</TableHead>
          <TableHead className="text-right">Our RPS</TableHead>
          <TableHead className="text-right">Market RPS</TableHead>
          <TableHead className="text-right">Ours − market</TableHead>
          <TableHead className="text-right">Log loss</TableHead>
          <TableHead className="text-right">Accuracy</TableHead>
          <TableHead>Evaluated on</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {versions.map((v) => {
          const m = metricsOf(v);
          const ours = m.pooled.scores.model;
          const market = m.pooled.scores.marketPreMatch;
          return (
            <TableRow key={v.id} data-version={v.version}>
              <TableCell>
                <div className="flex items-center gap-2">
                  <Link href={`/models/${v.version}`} className="font-semibold underline underline-offset-4">
                    v{v.version}
                  </Link>
                  <AliasBadges aliases={aliasesOf(v.id)} />
                </div>
              </TableCell>
              <TableCell>{formatShortDateTime(v.createdAt)}</TableCell>
              <TableCell>
                {v.engine}
                <span className="text-muted-foreground block font-mono text-xs" title={v.dataFingerprint}>
                  {v.dataFingerprint.slice(0, 12)}
                </span>
              </TableCell>
              <TableCell className="text-right font-medium tabular-nums">{formatScore(ours?.rps)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatScore(market?.rps)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {ours && market ? formatSigned(ours.rps - market.rps) : "—"}
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatScore(ours?.logLoss)}</TableCell>
              <TableCell className="text-right tabular-nums">{ours ? formatPercent(ours.accuracy, 1) : "—"}</TableCell>
              <TableCell>
                {windowLabel(m.window)}
                <span className="text-muted-foreground block text-xs">{formatNumber(m.pooled.n)} matches</span>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
