import type { PipelineRun } from "@/db/schema";
import { formatDateTime, formatDuration } from "../format";
import { StatusBadge } from "../status-badge";

/** What ran, why, when and with which parameters. */
export function RunSummary({ run }: { run: PipelineRun }) {
  const rows: [string, React.ReactNode][] = [
    ["Status", <StatusBadge key="s" status={run.status} />],
    ["Function", run.functionId],
    ["Trigger", `${run.trigger}${run.eventName ? ` (${run.eventName})` : ""}`],
    ["Executor", run.executor],
    ["Queued", formatDateTime(run.queuedAt)],
    ["Started", run.startedAt ? formatDateTime(run.startedAt) : "not yet"],
    ["Finished", run.finishedAt ? formatDateTime(run.finishedAt) : "not yet"],
    ["Duration", formatDuration(run.durationMs)],
  ];
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm" data-testid="run-summary">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="min-w-0 space-y-3 text-sm">
        <div>
          <p className="text-muted-foreground mb-1">Parameters</p>
          <pre className="bg-muted/40 overflow-x-auto rounded-md border p-2 text-xs">
            {JSON.stringify(run.params, null, 2)}
          </pre>
        </div>
        {run.output !== null && run.output !== undefined ? (
          <details>
            <summary className="text-muted-foreground cursor-pointer">Output</summary>
            <pre className="bg-muted/40 mt-1 max-h-80 overflow-auto rounded-md border p-2 text-xs">
              {JSON.stringify(run.output, null, 2)}
            </pre>
          </details>
        ) : null}
      </div>
    </div>
  );
}
