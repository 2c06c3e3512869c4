import type { CronSchedule } from "@/lib/pipelines/schedules";
import { EmptyState } from "../empty-state";
import { formatDateTime, formatRelative } from "../format";
import { Badge } from "../ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../ui/card";

/** Each cron trigger with its next run time. */
export function SchedulesCard({ schedules, now }: { schedules: CronSchedule[] | { error: string }; now: Date }) {
  return (
    <Card aria-labelledby="schedules-title">
      <CardHeader>
        <CardTitle id="schedules-title" role="heading" aria-level={2}>
          Schedules
        </CardTitle>
        <CardDescription>Cron triggers of the pipelines and when they fire next.</CardDescription>
      </CardHeader>
      <CardContent>
        {"error" in schedules ? (
          <p className="text-destructive text-sm">{schedules.error}</p>
        ) : schedules.length === 0 ? (
          <EmptyState title="No cron triggers" />
        ) : (
          <ul className="space-y-3 text-sm" data-testid="schedules">
            {schedules.map((s) => (
              <li key={`${s.functionId} ${s.cron}`} className="space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{s.functionId}</span>
                  <code className="bg-muted rounded px-1.5 py-0.5 text-xs">{s.cron}</code>
                  {s.enabled ? null : <Badge variant="secondary">off (SCHEDULES)</Badge>}
                </div>
                <p className="text-muted-foreground text-xs">
                  {s.nextRuns[0]
                    ? `next ${formatDateTime(s.nextRuns[0])} UK (${formatRelative(s.nextRuns[0], now)})`
                    : "no upcoming time"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
