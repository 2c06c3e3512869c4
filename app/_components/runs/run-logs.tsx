"use client";

import { useState } from "react";
import type { RunDetail } from "@/lib/runs/run-queries";
import { cn } from "@/lib/utils";
import { EmptyState } from "../empty-state";
import { formatTime } from "../format";
import { Button } from "../ui/button";

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];

const levelColour: Record<Level, string> = {
  debug: "text-muted-foreground",
  info: "text-sky-700 dark:text-sky-400",
  warn: "text-amber-700 dark:text-amber-400",
  error: "text-destructive",
};

/** The run's log lines, filtered to a minimum level, each tagged with the step it was written in. */
export function RunLogs({ detail }: { detail: RunDetail }) {
  const [minimum, setMinimum] = useState<Level>("debug");
  const stepNames = new Map(detail.steps.map((s) => [s.stepId, s.name]));
  const shown = detail.logs.filter((l) => LEVELS.indexOf(l.level) >= LEVELS.indexOf(minimum));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Minimum log level">
        <span className="text-muted-foreground mr-1 text-xs">Level at least</span>
        {LEVELS.map((level) => (
          <Button
            key={level}
            size="sm"
            variant={minimum === level ? "default" : "outline"}
            aria-pressed={minimum === level}
            onClick={() => setMinimum(level)}
          >
            {level} ({detail.logs.filter((l) => l.level === level).length})
          </Button>
        ))}
      </div>
      {shown.length === 0 ? (
        <EmptyState title={detail.logs.length ? `No log lines at ${minimum} or above` : "No log lines"} />
      ) : (
        <ol
          className="bg-muted/40 max-h-[32rem] overflow-auto rounded-md border p-2 font-mono text-xs"
          data-testid="run-logs"
        >
          {shown.map((l) => (
            <li key={l.id} className="grid grid-cols-[auto_auto_1fr] gap-x-3 py-0.5" data-level={l.level}>
              <time dateTime={l.at.toISOString()} className="text-muted-foreground">
                {formatTime(l.at)}
              </time>
              <span className={cn("w-10 font-semibold uppercase", levelColour[l.level])}>{l.level}</span>
              <span className="min-w-0 break-words whitespace-pre-wrap">
                {l.stepId && stepNames.get(l.stepId) ? (
                  <span className="text-muted-foreground">[{stepNames.get(l.stepId)}] </span>
                ) : null}
                {l.message}
                {l.data ? <span className="text-muted-foreground"> {JSON.stringify(l.data)}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
