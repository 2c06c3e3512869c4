import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { isFinishedRunStatus } from "@/db/run-status";
import { pipelineRuns, runLogs, runSteps, type PipelineRun } from "@/db/schema";

/**
 * Prints a run's log lines and finished steps as they are written, until the run ends; works for
 * runs driven by this process or by any other executor writing to the same database.
 */
export async function followRun({
  db,
  runId,
  print,
  pollMs = 200,
}: {
  db: Database;
  runId: string;
  print: (line: string) => void;
  pollMs?: number;
}): Promise<PipelineRun> {
  let lastLog = 0;
  let lastStep = 0;
  const logged = new Set<string>();
  for (;;) {
    const [run] = await db.select().from(pipelineRuns).where(eq(pipelineRuns.id, runId));
    if (!run) throw new Error(`run ${runId} does not exist`);
    const [logs, steps] = await Promise.all([
      db
        .select()
        .from(runLogs)
        .where(and(eq(runLogs.runId, runId), gt(runLogs.id, lastLog)))
        .orderBy(asc(runLogs.id)),
      db
        .select()
        .from(runSteps)
        .where(and(eq(runSteps.runId, runId), gt(runSteps.id, lastStep)))
        .orderBy(asc(runSteps.id)),
    ]);
    // Steps still running are printed once they finish (a later poll sees them again).
    const firstRunning = steps.findIndex((step) => step.status === "running");
    const finished = firstRunning === -1 ? steps : steps.slice(0, firstRunning);
    for (const log of logs) if (log.stepId) logged.add(log.stepId);
    const lines = [
      ...logs.map((log) => ({
        at: log.at.getTime(),
        text: `  ${log.level === "info" ? "" : `${log.level}: `}${log.message}`,
      })),
      // A step that wrote its own progress line is shown only when it did not simply complete.
      ...finished
        .filter((step) => step.status !== "completed" || step.attempt > 0 || !logged.has(step.stepId))
        .map((step) => ({
          at: (step.finishedAt ?? step.startedAt).getTime(),
          text:
            `  step "${step.name}" ${step.status}${step.attempt ? `, attempt ${step.attempt + 1}` : ""}` +
            `${step.durationMs === null ? "" : ` (${step.durationMs} ms)`}${step.error ? `: ${step.error.split("\n")[0]}` : ""}`,
        })),
    ].sort((a, b) => a.at - b.at);
    for (const line of lines) print(line.text);
    if (logs.length) lastLog = logs[logs.length - 1].id;
    if (finished.length) lastStep = finished[finished.length - 1].id;
    if (isFinishedRunStatus(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
