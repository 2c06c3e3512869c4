import type { UpcomingFixture } from "@/lib/predictions/prediction-queries";
import { formatDateTime, formatPercent } from "../format";
import { ProbabilityBar } from "../probability-bar";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../ui/table";
import { EdgeCells, MarketProbabilities } from "./edge-cells";
import { RegimeBadge } from "./regime-badge";

const PICK = { H: "home win", D: "draw", A: "away win" } as const;

/** Upcoming fixtures with the champion's probabilities, the market's and the difference. */
export function UpcomingTable({ fixtures }: { fixtures: UpcomingFixture[] }) {
  return (
    <Table data-testid="upcoming-predictions">
      <TableHeader>
        <TableRow>
          <TableHead>Kickoff (UK)</TableHead>
          <TableHead>Match</TableHead>
          <TableHead className="min-w-48">Our forecast</TableHead>
          <TableHead>Made</TableHead>
          <TableHead>Market</TableHead>
          <TableHead>Edge (points)</TableHead>
          <TableHead>Most likely</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {fixtures.map((f) => {
          const p = f.prediction;
          return (
            <TableRow key={f.matchId} data-match-id={f.matchId}>
              <TableCell>{formatDateTime(f.kickoff)}</TableCell>
              <TableCell className="font-medium">
                {f.homeTeam.name} v {f.awayTeam.name}
              </TableCell>
              <TableCell>
                {p ? (
                  <ProbabilityBar
                    probabilities={p.probabilities}
                    label={`${f.homeTeam.name} v ${f.awayTeam.name}, model v${p.modelVersion}`}
                  />
                ) : (
                  <span className="text-muted-foreground text-xs">not predicted yet</span>
                )}
              </TableCell>
              <TableCell>
                {p ? <RegimeBadge regime={p.regime} score={p.regimeScore} /> : null}
                {f.earlier ? (
                  <p className="text-muted-foreground mt-1 text-xs" data-testid="earlier-forecast">
                    before its odds: H {formatPercent(f.earlier.probabilities.home)} · D{" "}
                    {formatPercent(f.earlier.probabilities.draw)} · A {formatPercent(f.earlier.probabilities.away)}{" "}
                    (odds-free)
                  </p>
                ) : null}
              </TableCell>
              <TableCell>{p ? <MarketProbabilities market={p.market} /> : null}</TableCell>
              <TableCell>{p ? <EdgeCells edge={p.edge} /> : null}</TableCell>
              <TableCell>{p ? `${PICK[p.predicted]} (${formatPercent(p.confidence)})` : null}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
