import { NonRetriableError } from "inngest";
import { getDb } from "@/db/client";
import type { BatchSummary } from "@/lib/data/batch-summary";
import { FileFailedError } from "@/lib/data/file-failed";
import { runEtl, type RunStep } from "@/lib/data/run-etl";
import { etlRequested, matchesUpdated } from "@/lib/pipelines/events";
import { PIPELINES, pipelineFunctionOptions } from "@/lib/pipelines/registry";
import { inngest } from "./client";

const describe = (s: BatchSummary) =>
  s.status === "failed"
    ? `${s.location}: failed: ${s.error}`
    : `${s.location}: ${s.status}, ${s.rowsRead} read, ${s.inserted} new, ${s.updated} updated, ${s.quarantined} quarantined`;

/**
 * ETL: lib/data/run-etl.ts with each unit a durable step (every source file is one: fetch, parse,
 * validate, quarantine, upsert and record its batch in one transaction), so a run cut off
 * half-way resumes at the next file. A file that fails fails its step at once (its fetch had its
 * own retries) and the run goes on; the run then fails naming the files.
 */
export const etl = inngest.createFunction(
  pipelineFunctionOptions(PIPELINES.etl),
  async ({ event, step, log, runId }) => {
    const request = event.name === etlRequested.name ? event.data : {};
    const runStep: RunStep = (name, work) =>
      step.run(name, async () => {
        try {
          return await work();
        } catch (error) {
          if (error instanceof FileFailedError) throw new NonRetriableError(error.message);
          throw error;
        }
      }) as never;
    const summary = await runEtl({
      db: await getDb(),
      source: request.source,
      seasons: request.seasons,
      fixtures: request.fixtures,
      force: request.force,
      runId,
      runStep,
      onProgress: (p) =>
        p.type === "file"
          ? log(
              p.summary.status !== "failed" ? "info" : p.expected ? "warn" : "error",
              `[${p.index}/${p.total}] ${describe(p.summary)}`,
            )
          : undefined,
    });
    if (summary.changed) {
      const { inserted, updated, files } = summary.totals;
      await step.sendEvent("emit data/matches.updated", matchesUpdated.create({ inserted, updated, files }));
    }
    // After the last step, so that each line is written once (the final request replays every step).
    for (const f of summary.unpublished)
      await log("warn", `${f.location} is not published yet (404); the season is skipped`);
    // Said once: the first live file found the network missing, and nothing else was fetched.
    if (summary.offline.length)
      await log("warn", `live sources unreachable (${summary.offline[0].error}): loaded the bundled snapshot only`);
    if (summary.totals.failed > 0) {
      // Good files are stored; the run still fails so that the failure is seen, naming the files.
      throw new NonRetriableError(
        `${summary.totals.failed} of ${summary.totals.files} files failed: ${summary.files
          .filter((f) => f.status === "failed")
          .map(describe)
          .join("; ")}`,
      );
    }
    const files = [...summary.files, ...summary.unpublished, ...summary.offline];
    return {
      source: summary.source,
      offline: summary.offline.length > 0,
      changed: summary.changed,
      totals: summary.totals,
      files,
    };
  },
);
