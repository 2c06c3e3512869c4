import Link from "next/link";
import type { SystemStatus } from "@/lib/system/system-status";
import { REGIMES } from "@/db/regimes";
import { EmptyState } from "../empty-state";
import { formatDateTime, formatScore, formatSigned } from "../format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../ui/card";

/** The champion's walk-forward RPS beside the market's on the same matches (lower is better). */
export function ChampionCard({ model }: { model: SystemStatus["components"]["model"] }) {
  return (
    <Card aria-labelledby="champion-title">
      <CardHeader>
        <CardTitle id="champion-title" role="heading" aria-level={2}>
          Champion model
        </CardTitle>
        <CardDescription>Walk-forward ranked probability score in each regime; lower is better.</CardDescription>
      </CardHeader>
      <CardContent data-testid="champion-model">
        {model.status === "up" ? (
          <div className="space-y-4">
            <p className="text-sm">
              <Link
                href={`/models/${model.version}`}
                className="text-lg font-semibold underline-offset-4 hover:underline"
              >
                v{model.version}
              </Link>{" "}
              <span className="text-muted-foreground">
                {model.engine} · trained {formatDateTime(model.createdAt)} ({model.ageDays} days ago)
              </span>
            </p>
            <dl className="grid grid-cols-2 gap-3 text-sm">
              {REGIMES.map((regime) => {
                const score = model.regimes[regime];
                return (
                  <div key={regime} className="rounded-lg border p-3" data-regime={regime}>
                    <dt className="text-muted-foreground text-xs">Our RPS, {regime}</dt>
                    <dd className="text-lg font-semibold tabular-nums">{score ? formatScore(score.rps) : "—"}</dd>
                    {score && score.marketRps !== null ? (
                      <dd className="text-muted-foreground text-xs tabular-nums">
                        market {formatScore(score.marketRps)} ({formatSigned(score.rps - score.marketRps)})
                      </dd>
                    ) : null}
                  </div>
                );
              })}
            </dl>
            <p className="text-muted-foreground text-xs">
              odds-free: the model for fixtures and requests without odds; with-odds: the model once a match&apos;s
              pre-match odds are known. Each beside the market on the same matches (ours − market in brackets; negative:
              ours is better); market: the bookmakers&apos; pre-match prices with their margin removed.
            </p>
          </div>
        ) : model.status === "missing" ? (
          <EmptyState title="No champion yet">
            Run the training pipeline; its first model that beats the base rates becomes champion.
          </EmptyState>
        ) : (
          <p className="text-destructive text-sm">{model.error}</p>
        )}
      </CardContent>
    </Card>
  );
}
