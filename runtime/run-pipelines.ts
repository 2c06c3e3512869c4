import { closeDatabase, getDatabase, type DatabaseHandle } from "@/db/client";
import { asc, gte } from "drizzle-orm";
import { pipelineRuns, type PipelineRun } from "@/db/schema";
import type { BatchSummary } from "@/lib/data/batch-summary";
import { totalsOf } from "@/lib/data/run-etl";
import { getEmbeddedExecutor, stopEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { dispatch } from "@/lib/pipelines/dispatch";
import { inngestMode } from "@/lib/pipelines/inngest-mode";
import { toPipelineRequest } from "@/lib/pipelines/pipeline-request";
import { PIPELINE_NAMES, PIPELINES, requestEventOf, type PipelineName } from "@/lib/pipelines/registry";
import { followRun } from "@/lib/cli/follow-run";
import { parsePipelineArgs, USAGE, UsageError, type PipelineArgs } from "@/lib/cli/pipeline-args";
import { printTable } from "@/lib/cli/print-table";
import { startRunner } from "./start-runner";

function etlTable(files: BatchSummary[]): void {
  const row = (label: string, list: BatchSummary[]) => {
    const t = totalsOf(list);
    return {
      source: label,
      files: t.files,
      loaded: t.completed,
      unchanged: t.skipped,
      failed: t.failed,
      "rows read": t.rowsRead,
      new: t.inserted,
      updated: t.updated,
      "rows unchanged": t.unchanged,
      quarantined: t.quarantined,
    };
  };
  const sources = [...new Set(files.map((f) => f.source))];
  printTable(
    [
      ...sources.map((s) =>
        row(
          s,
          files.filter((f) => f.source === s),
        ),
      ),
      row("total", files),
    ],
    "ETL summary",
  );
}

/** Sends one pipeline's event (deduplicated) and prints its run until it ends. */
async function runPipeline(
  handle: DatabaseHandle,
  fn: PipelineName,
  parameters: Record<string, unknown>,
): Promise<PipelineRun> {
  const pipeline = PIPELINES[fn];
  const { data } = toPipelineRequest(pipeline.parameters, parameters);
  const event = requestEventOf(pipeline).name;
  // No dedupe: a queued run left by an event belongs to the server; the CLI runs its own.
  const { runIds, existingRunIds } = await dispatch({ name: event, data }, { trigger: "manual" });
  if (runIds.length === 0) throw new Error(`no function answers ${event}`);
  const runId = runIds[0];
  console.log(`${fn}: run ${runId}${existingRunIds.includes(runId) ? " (already in progress)" : ""}`);
  const run = await followRun({ db: handle.db, runId, print: (line) => console.log(line) });
  const took = run.durationMs === null ? "" : ` in ${(run.durationMs / 1000).toFixed(1)} s`;
  console.log(`${fn}: ${run.status}${took}${run.error ? `: ${run.error.split("\n")[0]}` : ""}`);
  if (fn === "etl" && run.output && typeof run.output === "object" && "files" in run.output) {
    etlTable((run.output as { files: BatchSummary[] }).files);
  }
  return run;
}

async function main(args: PipelineArgs): Promise<number> {
  const started = new Date();
  const handle = await getDatabase();
  console.log(
    `pipelines on ${handle.driver} at ${handle.location} (${inngestMode() === "embedded" ? "embedded executor in this process" : "Inngest"})`,
  );
  await startRunner({
    db: handle.db,
    schedules: false,
    staleAfterMs: handle.driver === "pglite" ? 0 : undefined,
    // A single command runs just that pipeline; its events queue follow-ups for the server.
    manualOnly: args.command !== "all",
  });
  const steps = args.command === "all" ? PIPELINE_NAMES : [args.command];
  const runs: PipelineRun[] = [];
  for (const fn of steps) {
    const run = await runPipeline(handle, fn, fn === "etl" ? args.etl : fn === "training" ? args.training : {});
    runs.push(run);
    if (run.status !== "completed") break;
  }
  // Events of these runs (new data, a new champion) queue follow-up runs: "all" lets them finish;
  // a single command leaves them queued for the server (or the next CLI call) to run.
  const executor = getEmbeddedExecutor();
  if (args.command === "all" && executor) await executor.idle();
  const since = await handle.db
    .select()
    .from(pipelineRuns)
    .where(gte(pipelineRuns.queuedAt, started))
    .orderBy(asc(pipelineRuns.queuedAt));
  printTable(
    since.map((r) => ({
      run: r.id.slice(0, 8),
      function: r.functionId,
      trigger: r.trigger,
      status: r.status,
      seconds: r.durationMs === null ? "" : (r.durationMs / 1000).toFixed(1),
      error: r.error?.split("\n")[0].slice(0, 80) ?? "",
    })),
    "Runs of this command (queued ones run when the server starts)",
  );
  return runs.every((r) => r.status === "completed") ? 0 : 1;
}

let args: PipelineArgs;
try {
  args = parsePipelineArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
main(args)
  .then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  )
  .finally(async () => {
    await stopEmbeddedExecutor();
    await closeDatabase();
    process.exit(process.exitCode ?? 0);
  });
