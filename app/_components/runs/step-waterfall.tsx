import type { RunDetail } from "@/lib/runs/run-queries";
import { cn } from "@/lib/utils";
import { EmptyState } from "../empty-state";
import { formatDuration, formatTime } from "../format";
import { StatusBadge } from "../status-badge";

const barColour: Record<string, string> = {
  completed: "bg-emerald-600 dark:bg-emerald-500",
  failed: "bg-destructive",
  errored: "bg-amber-500",
  running: "bg-primary animate-pulse",
  sleeping: "bg-muted-foreground/50",
};

/**
 * Every attempt of every step on one time axis from the run's start: where a bar starts is when
 * the attempt started, its length how long it took. Retries appear as separate rows.
 */
export function StepWaterfall({ detail, now }: { detail: RunDetail; now: number }) {
  const { run, steps } = detail;
  if (steps.length === 0)
    return (
      <EmptyState title="No steps recorded yet">
        {run.status === "queued" ? "The run is waiting for its turn." : null}
      </EmptyState>
    );
  const start = Math.min(run.startedAt?.getTime() ?? Infinity, ...steps.map((s) => s.startedAt.getTime()));
  const endOf = (s: (typeof steps)[number]) =>
    s.finishedAt?.getTime() ?? (s.status === "running" ? now : s.startedAt.getTime() + (s.durationMs ?? 0));
  const end = Math.max(run.finishedAt?.getTime() ?? 0, ...steps.map(endOf), start + 1);
  const span = end - start;
  const attemptsOf = new Map<string, number>();
  for (const s of steps) attemptsOf.set(s.stepId, (attemptsOf.get(s.stepId) ?? 0) + 1);
  return (
    <div className="space-y-1">
      <div className="text-muted-foreground flex justify-between text-xs" aria-hidden>
        <span>0 s</span>
        <span>{formatDuration(span)}</span>
      </div>
      <ol className="space-y-1" data-testid="step-waterfall" aria-label="Step attempts in the order they started">
        {steps.map((s) => {
          const left = ((s.startedAt.getTime() - start) / span) * 100;
          const width = Math.max(0.4, ((endOf(s) - s.startedAt.getTime()) / span) * 100);
          const retried = (attemptsOf.get(s.stepId) ?? 1) > 1;
          return (
            <li
              key={s.id}
              className="grid grid-cols-1 gap-1 rounded-md px-1 py-1 text-sm sm:grid-cols-[minmax(12rem,20rem)_1fr] sm:items-center sm:gap-3"
              data-step={s.name}
              data-status={s.status}
            >
              <div className="flex min-w-0 items-center gap-2">
                <StatusBadge status={s.status} />
                <span className="truncate font-medium" title={s.name}>
                  {s.name}
                </span>
                {retried || s.attempt > 0 ? (
                  <span className="text-muted-foreground shrink-0 text-xs">attempt {s.attempt + 1}</span>
                ) : null}
              </div>
              <div className="min-w-0">
                <div className="bg-muted relative h-4 overflow-hidden rounded" aria-hidden>
                  <div
                    className={cn("absolute inset-y-0 rounded", barColour[s.status] ?? "bg-muted-foreground")}
                    style={{ left: `${left}%`, width: `${Math.min(width, 100 - left)}%` }}
                  />
                </div>
                <p
                  className="text-muted-foreground mt-0.5 truncate text-xs"
                  title={s.error ?? s.outputSummary ?? undefined}
                >
                  {formatTime(s.startedAt)} ·{" "}
                  {s.status === "running"
                    ? `running for ${formatDuration(now - s.startedAt.getTime())}`
                    : formatDuration(s.durationMs)}
                  {s.error ? (
                    <span className="text-destructive"> · {s.error}</span>
                  ) : s.outputSummary ? (
                    ` · ${s.outputSummary}`
                  ) : (
                    ""
                  )}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
