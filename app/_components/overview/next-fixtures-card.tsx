import Link from "next/link";
import type { UpcomingFixture } from "@/lib/predictions/prediction-queries";
import { EmptyState } from "../empty-state";
import { formatDateTime } from "../format";
import { RegimeBadge } from "../predictions/regime-badge";
import { ProbabilityBar, ProbabilityLegend } from "../probability-bar";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../ui/card";

/** The next scheduled fixtures with the champion's H/D/A probabilities. */
export function NextFixturesCard({ fixtures }: { fixtures: UpcomingFixture[] }) {
  return (
    <Card aria-labelledby="next-fixtures-title" className="lg:col-span-2">
      <CardHeader>
        <CardTitle id="next-fixtures-title" role="heading" aria-level={2}>
          Next fixtures
        </CardTitle>
        <CardDescription>
          The champion&apos;s probabilities (UK kickoff times).{" "}
          <Link href="/predictions" className="underline underline-offset-4">
            All predictions
          </Link>
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {fixtures.length === 0 ? (
          <EmptyState title="No upcoming fixtures">Load a fixture list with the ETL.</EmptyState>
        ) : (
          <>
            <ProbabilityLegend />
            <ul className="divide-y" data-testid="next-fixtures">
              {fixtures.map((f) => (
                <li key={f.matchId} className="grid gap-2 py-2 sm:grid-cols-[1fr_minmax(10rem,16rem)] sm:items-center">
                  <div className="min-w-0 text-sm">
                    <p className="font-medium">
                      {f.homeTeam.name} v {f.awayTeam.name}
                    </p>
                    <p className="text-muted-foreground text-xs">{formatDateTime(f.kickoff)}</p>
                  </div>
                  {f.prediction ? (
                    <div className="space-y-1">
                      <ProbabilityBar
                        probabilities={f.prediction.probabilities}
                        label={`${f.homeTeam.name} v ${f.awayTeam.name}`}
                      />
                      <RegimeBadge regime={f.prediction.regime} score={f.prediction.regimeScore} />
                    </div>
                  ) : (
                    <p className="text-muted-foreground text-xs">not predicted yet: run the predictions pipeline</p>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </CardContent>
    </Card>
  );
}
