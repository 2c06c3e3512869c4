import { seasonLabel } from "@/lib/data/season-code";
import type { ModelMetrics } from "@/lib/registry/model-metrics";
import { formatNumber, formatPercent, formatScore, formatSigned } from "../format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

/** Each test season, predicted by a model fitted on earlier seasons only. */
export function SeasonMetricsTable({ seasons }: { seasons: ModelMetrics["seasons"] }) {
  return (
    <Table data-testid="season-metrics">
      <TableHeader>
        <TableRow>
          <TableHead>Season</TableHead>
          <TableHead>Trained on</TableHead>
          <TableHead className="text-right">Matches</TableHead>
          <TableHead className="text-right">Our RPS</TableHead>
          <TableHead className="text-right">Market RPS</TableHead>
          <TableHead className="text-right">Ours − market</TableHead>
          <TableHead className="text-right">Elo RPS</TableHead>
          <TableHead className="text-right">Base rates RPS</TableHead>
          <TableHead className="text-right">Accuracy</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {seasons.map((s) => {
          const ours = s.scores.model;
          const market = s.scores.marketPreMatch;
          return (
            <TableRow key={s.season} data-season={s.season}>
              <TableCell className="font-medium">{seasonLabel(s.season)}</TableCell>
              <TableCell>
                {seasonLabel(s.trainSeasons[0])} to {seasonLabel(s.trainSeasons[1])}
                <span className="text-muted-foreground block text-xs">{formatNumber(s.trainRows)} matches</span>
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatNumber(ours?.n ?? 0)}</TableCell>
              <TableCell className="text-right font-medium tabular-nums">{formatScore(ours?.rps)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatScore(market?.rps)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {ours && market ? formatSigned(ours.rps - market.rps) : "—"}
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatScore(s.scores.elo?.rps)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatScore(s.scores.baseRates?.rps)}</TableCell>
              <TableCell className="text-right tabular-nums">{ours ? formatPercent(ours.accuracy, 1) : "—"}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
