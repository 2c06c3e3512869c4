import Link from "next/link";
import type { SystemStatus } from "@/lib/system/system-status";
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
        <CardDescription>Walk-forward ranked probability score; lower is better.</CardDescription>
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
              <div className="rounded-lg border p-3">
                <dt className="text-muted-foreground text-xs">Our RPS</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatScore(model.rps)}</dd>
              </div>
              <div className="rounded-lg border p-3">
                <dt className="text-muted-foreground text-xs">Market RPS</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatScore(model.marketRps)}</dd>
              </div>
            </dl>
            {model.marketRps !== null ? (
              <p className="text-muted-foreground text-xs">
                Ours − market:{" "}
                <span className="text-foreground font-medium tabular-nums">
                  {formatSigned(model.rps - model.marketRps)}
                </span>{" "}
                on the same matches (negative: ours is better). Market: the bookmakers&apos; pre-match prices with their
                margin removed.
              </p>
            ) : null}
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
