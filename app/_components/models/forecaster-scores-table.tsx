import { FORECASTERS, type Forecaster } from "@/lib/model/evaluation/walk-forward";
import type { ModelMetrics } from "@/lib/registry/model-metrics";
import { cn } from "@/lib/utils";
import { formatNumber, formatPercent, formatScore } from "../format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";

const ORDER: Forecaster[] = ["model", "marketPreMatch", "marketClosing", "elo", "baseRates"];

/** Our model and every baseline scored on the same matches of the evaluation window. */
export function ForecasterScoresTable({ pooled }: { pooled: ModelMetrics["pooled"] }) {
  return (
    <Table data-testid="forecaster-scores">
      <TableHeader>
        <TableRow>
          <TableHead>Forecaster</TableHead>
          <TableHead className="text-right">Matches</TableHead>
          <TableHead className="text-right">RPS</TableHead>
          <TableHead className="text-right">Log loss</TableHead>
          <TableHead className="text-right">Brier</TableHead>
          <TableHead className="text-right">Accuracy</TableHead>
          <TableHead className="text-right">Calibration error</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {ORDER.filter((f) => pooled.scores[f]).map((f) => {
          const s = pooled.scores[f]!;
          return (
            <TableRow key={f} className={cn(f === "model" && "bg-muted/50 font-medium")} data-forecaster={f}>
              <TableCell>
                {FORECASTERS[f]}
                {f === "marketClosing" ? (
                  <span className="text-muted-foreground block text-xs font-normal">
                    known only at kickoff: a reference, not a rival
                  </span>
                ) : null}
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatNumber(s.n)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatScore(s.rps)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatScore(s.logLoss)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatScore(s.brier)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatPercent(s.accuracy, 1)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatScore(s.ece, 3)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
