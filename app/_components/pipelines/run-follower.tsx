"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { getRunProgress } from "@/app/_actions/get-run-progress";
import { formatDuration } from "../format";
import { StatusBadge } from "../status-badge";
import { Alert, AlertDescription, AlertTitle } from "../ui/alert";
import { isFinishedRunStatus } from "@/db/run-status";

/** Follows a run live (polling a server action every second) until it ends, then refreshes the page's data. */
export function RunFollower({ runId, alreadyActive }: { runId: string; alreadyActive: boolean }) {
  const router = useRouter();
  const query = useQuery({
    queryKey: ["run-progress", runId],
    queryFn: async () => {
      const result = await getRunProgress(runId);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    refetchInterval: (q) => (q.state.data && isFinishedRunStatus(q.state.data.status) ? false : 1_000),
    staleTime: 0,
  });
  const run = query.data;
  const ended = run ? isFinishedRunStatus(run.status) : false;
  useEffect(() => {
    if (ended) router.refresh();
  }, [ended, router]);

  if (query.isError && !run) {
    return (
      <Alert variant="destructive">
        <AlertTitle>Cannot follow run {runId.slice(0, 8)}</AlertTitle>
        <AlertDescription>{query.error.message}</AlertDescription>
      </Alert>
    );
  }
  const elapsed = run?.durationMs ?? (run?.startedAt ? query.dataUpdatedAt - run.startedAt.getTime() : null);
  return (
    <div className="space-y-2" data-testid="run-follower" data-run-id={runId} data-status={run?.status ?? "loading"}>
      <div role="status" aria-live="polite" className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        {alreadyActive ? <span className="text-muted-foreground">Already running, following it:</span> : null}
        <Link href={`/runs/${runId}`} className="font-mono text-xs underline underline-offset-4">
          run {runId.slice(0, 8)}
        </Link>
        {run ? <StatusBadge status={run.status} /> : <span className="text-muted-foreground">starting…</span>}
        {run ? (
          <span className="text-muted-foreground">
            {run.stepsCompleted} step{run.stepsCompleted === 1 ? "" : "s"} done
            {run.lastStep && !ended ? ` · now: ${run.lastStep}` : ""}
            {run.attemptsFailed ? ` · ${run.attemptsFailed} failed attempt${run.attemptsFailed === 1 ? "" : "s"}` : ""}
            {elapsed !== null ? ` · ${formatDuration(elapsed)}` : ""}
          </span>
        ) : null}
      </div>
      {run?.status === "failed" ? (
        <Alert variant="destructive">
          <AlertTitle>The run failed</AlertTitle>
          <AlertDescription className="break-words whitespace-pre-wrap">
            {run.error ?? "no error was recorded"}
          </AlertDescription>
        </Alert>
      ) : null}
      {query.isError && run && !ended ? (
        <p className="text-destructive text-xs">Lost contact with the server: {query.error.message} (retrying)</p>
      ) : null}
    </div>
  );
}
