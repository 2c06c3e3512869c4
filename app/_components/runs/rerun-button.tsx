"use client";

import { useMutation } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { rerunRun } from "@/app/_actions/rerun-run";
import { RunFollower } from "../pipelines/run-follower";
import { Alert, AlertDescription, AlertTitle } from "../ui/alert";
import { Button } from "../ui/button";

/** Starts the run's pipeline again and follows the new run. */
export function RerunButton({ runId, disabled }: { runId: string; disabled?: boolean }) {
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await rerunRun(runId);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
  });
  const started = mutation.data;
  return (
    <div className="space-y-2">
      <Button variant="outline" size="sm" onClick={() => mutation.mutate()} disabled={disabled || mutation.isPending}>
        <RotateCcw aria-hidden />
        {mutation.isPending ? "Starting…" : "Rerun"}
      </Button>
      {mutation.error ? (
        <Alert variant="destructive">
          <AlertTitle>Could not rerun</AlertTitle>
          <AlertDescription>{mutation.error.message}</AlertDescription>
        </Alert>
      ) : null}
      {started?.run_id ? (
        <div className="space-y-1">
          <p className="text-muted-foreground text-xs">
            {started.same_event
              ? "Same parameters as this run."
              : "This run was not a request, so the new one uses the defaults."}
          </p>
          <RunFollower runId={started.run_id} alreadyActive={started.existing} />
        </div>
      ) : null}
    </div>
  );
}
