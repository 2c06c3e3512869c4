"use client";

import type { TriggerInput } from "@/app/_actions/trigger-pipeline";
import { Alert, AlertDescription, AlertTitle } from "../ui/alert";
import { Button } from "../ui/button";
import { RunFollower } from "./run-follower";
import { usePipelineTrigger } from "./use-pipeline-trigger";

export interface PipelineTriggerRowProps {
  title: string;
  /** The main button's text, e.g. "Run ETL". */
  action: string;
  description: string;
  /** The request sent by the main button (the pipeline's defaults). */
  request: TriggerInput;
  options?: (trigger: ReturnType<typeof usePipelineTrigger>) => React.ReactNode;
}

/** One pipeline: a button that starts it with its defaults, optional options, and the run followed live. */
export function PipelineTriggerRow({ title, action, description, request, options }: PipelineTriggerRowProps) {
  const trigger = usePipelineTrigger();
  return (
    <li className="space-y-3 py-4 first:pt-0 last:pb-0" data-testid={`trigger-${request.pipeline}`}>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <p className="font-medium">{title}</p>
          <p className="text-muted-foreground text-sm">{description}</p>
        </div>
        <div className="flex shrink-0 gap-2">
          {options?.(trigger)}
          <Button size="sm" onClick={() => void trigger.start(request)} disabled={trigger.pending}>
            {trigger.pending ? "Starting…" : action}
          </Button>
        </div>
      </div>
      {trigger.error ? (
        <Alert variant="destructive">
          <AlertTitle>Could not start the {title} pipeline</AlertTitle>
          <AlertDescription>{trigger.error}</AlertDescription>
        </Alert>
      ) : null}
      {trigger.run?.run_id ? (
        <RunFollower key={trigger.run.run_id} runId={trigger.run.run_id} alreadyActive={trigger.run.existing} />
      ) : null}
      {trigger.run && !trigger.run.run_id ? (
        <p className="text-muted-foreground text-sm" role="status">
          Sent to Inngest; the run appears on the Runs page when Inngest starts it.
        </p>
      ) : null}
    </li>
  );
}
