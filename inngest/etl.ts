import { NonRetriableError } from "inngest";
import { getDb } from "@/db/client";
import type { BatchSummary } from "@/lib/data/batch-summary";
import { ensureTeams } from "@/lib/data/ensure-teams";
import { ingestFixtures } from "@/lib/data/ingest-fixtures";
import { ingestSeasonFile } from "@/lib/data/ingest-season-file";
import { defaultSeasons, totalsOf } from "@/lib/data/run-etl";
import { loadTeamResolver } from "@/lib/data/team-resolver";
import { env } from "@/lib/env";
import { PIPELINES, pipelineFunctionOptions } from "@/lib/pipelines/registry";
import { inngest } from "./client";
import { etlRequested, matchesUpdated } from "@/lib/pipelines/events";

const describe = (s: BatchSummary) =>
  s.status === "failed"
    ? `${s.location}: failed: ${s.error}`
    : `${s.location}: ${s.status}, ${s.rowsRead} read, ${s.inserted} new, ${s.updated} updated, ${s.quarantined} quarantined`;

/**
 * ETL: each source file is one durable step (fetch, parse, validate, quarantine, upsert and record
 * its batch in one transaction), so a run cut off half-way resumes at the next file.
 */
export const etl = inngest.createFunction(
  pipelineFunctionOptions(PIPELINES.etl),
  async ({ event, step, log, runId }) => {
    const request = event.name === etlRequested.name ? event.data : {};
    const plan = await step.run("plan sources", () => {
      const source = request.source ?? env().DATA_SOURCE;
      return { source, seasons: request.seasons ?? defaultSeasons(source), fixtures: request.fixtures ?? true };
    });
    await step.run("ensure teams", async () => ensureTeams({ db: await getDb() }));

    const files: BatchSummary[] = [];
    for (const [i, season] of plan.seasons.entries()) {
      const summary = await step.run(`ingest season ${season}`, async () => {
        const db = await getDb();
        const result = await ingestSeasonFile({
          db,
          season,
          source: plan.source,
          runId,
          force: request.force,
          resolveTeam: await loadTeamResolver({ db }),
        });
        await log(
          result.status === "failed" ? "error" : "info",
          `[${i + 1}/${plan.seasons.length}] ${describe(result)}`,
        );
        return result;
      });
      files.push(summary as BatchSummary);
    }
    if (plan.fixtures) {
      const summary = await step.run("ingest fixtures", async () => {
        const db = await getDb();
        const result = await ingestFixtures({
          db,
          runId,
          force: request.force,
          resolveTeam: await loadTeamResolver({ db }),
        });
        await log(result.status === "failed" ? "error" : "info", describe(result));
        return result;
      });
      files.push(summary as BatchSummary);
    }

    // The newest season of a live run asked for every season may not be published yet (the file
    // appears around its first matchday): a 404 there is expected, not a failure of the run.
    const newest = plan.seasons[plan.seasons.length - 1];
    const unpublished = (f: BatchSummary) =>
      plan.source === "live" &&
      !request.seasons &&
      f.season === newest &&
      f.status === "failed" &&
      f.httpStatus === 404;
    for (const f of files.filter(unpublished))
      await log("warn", `${f.location} is not published yet (404); the season is skipped`);
    const totals = totalsOf(files.filter((f) => !unpublished(f)));
    const changed = totals.inserted + totals.updated > 0;
    if (changed) {
      await step.sendEvent(
        "emit data/matches.updated",
        matchesUpdated.create({ inserted: totals.inserted, updated: totals.updated, files: totals.files }),
      );
    }
    if (totals.failed > 0) {
      // Good files are stored; the run still fails so that the failure is seen, naming the files.
      // Each file already had its own fetch retries, so the run itself is not retried.
      throw new NonRetriableError(
        `${totals.failed} of ${totals.files} files failed: ${files
          .filter((f) => f.status === "failed" && !unpublished(f))
          .map(describe)
          .join("; ")}`,
      );
    }
    return { source: plan.source, changed, totals, files };
  },
);
