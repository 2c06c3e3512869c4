import Link from "next/link";
import { REGIMES } from "@/db/regimes";
import { metricsOf, type ModelVersionSummary } from "@/lib/registry/model-versions";
import { regimeScores } from "@/lib/registry/regime-score";
import { formatNumber, formatScore, formatShortDateTime, formatSigned } from "../format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";
import { AliasBadges } from "./alias-badges";
import { windowLabel } from "./window-label";

/** Every version with each regime's walk-forward RPS beside the market's on the same matches. */
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
          {REGIMES.map((r) => (
            <TableHead key={r} className="text-right">
              RPS {r} (− market)
            </TableHead>
          ))}
          <TableHead className="text-right">Market RPS</TableHead>
          <TableHead>Evaluated on</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {versions.map((v) => {
          const m = metricsOf(v);
          const scores = regimeScores(m);
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
              {REGIMES.map((r) => {
                const score = scores[r];
                return (
                  <TableCell key={r} className="text-right tabular-nums" data-regime={r}>
                    <span className="font-medium">{formatScore(score?.rps)}</span>
                    {score?.marketRps != null ? (
                      <span className="text-muted-foreground block text-xs">
                        {formatSigned(score.rps - score.marketRps)}
                      </span>
                    ) : null}
                  </TableCell>
                );
              })}
              <TableCell className="text-right tabular-nums">{formatScore(market?.rps)}</TableCell>
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
