"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { getRunDetail } from "@/app/_actions/get-run-detail";
import type { RunDetail } from "@/lib/runs/run-queries";
import { Alert, AlertDescription, AlertTitle } from "../ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../ui/card";
import { RerunButton } from "./rerun-button";
import { RunLogs } from "./run-logs";
import { RunSummary } from "./run-summary";
import { StepWaterfall } from "./step-waterfall";

const isActive = (d: RunDetail) => d.run.status === "queued" || d.run.status === "running";

/** A run's page body; while the run is queued or running it is polled every second. */
export function RunDetailView({ initial, renderedAt }: { initial: RunDetail; renderedAt: number }) {
  const router = useRouter();
  const query = useQuery({
    queryKey: ["run-detail", initial.run.id],
    queryFn: async () => {
      const result = await getRunDetail(initial.run.id);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: (q) => (q.state.data && isActive(q.state.data) ? 1_000 : false),
    staleTime: 0,
  });
  const detail = query.data;
  const active = isActive(detail);
  // When a followed run ends, the server-rendered parts of the page catch up too.
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) router.refresh();
    wasActive.current = active;
  }, [active, router]);

  const attempts = detail.steps.length;
  const stepCount = new Set(detail.steps.map((s) => s.stepId)).size;
  return (
    <div className="space-y-4">
      {detail.run.error ? (
        <Alert variant="destructive" data-testid="run-error">
          <AlertTitle>Error</AlertTitle>
          <AlertDescription className="font-mono text-xs break-words whitespace-pre-wrap">
            {detail.run.error}
          </AlertDescription>
        </Alert>
      ) : null}
      {query.isError ? <p className="text-destructive text-sm">Live updates stopped: {query.error.message}</p> : null}
      <Card>
        <CardHeader>
          <CardTitle role="heading" aria-level={2}>
            Run
          </CardTitle>
          <CardDescription>
            {active ? "Live: updated every second while the run is active." : "Finished runs do not change."}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <RunSummary run={detail.run} />
          <RerunButton runId={detail.run.id} disabled={active} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle role="heading" aria-level={2}>
            Steps
          </CardTitle>
          <CardDescription>
            {stepCount} step{stepCount === 1 ? "" : "s"}, {attempts} attempt{attempts === 1 ? "" : "s"}; bars show when
            each attempt ran on the run&apos;s time axis.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <StepWaterfall detail={detail} now={query.dataUpdatedAt} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle role="heading" aria-level={2}>
            Logs
          </CardTitle>
          <CardDescription>What the run wrote, in order.</CardDescription>
        </CardHeader>
        <CardContent>
          <RunLogs detail={detail} />
        </CardContent>
      </Card>
    </div>
  );
}
