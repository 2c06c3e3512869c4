import fs from "node:fs";
import path from "node:path";
import { count, inArray } from "drizzle-orm";
import { openDatabase, setDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate-database";
import { matches, modelVersions, pipelineRuns, predictions } from "@/db/schema";

export interface SeedCounts {
  seasons: number;
  matches: number;
  runs: number;
  modelVersions: number;
  predictions: number;
}

export async function countRows(db: Database): Promise<SeedCounts> {
  const [[seasons], [m], [r], [v], [p]] = await Promise.all([
    db.select({ n: count() }).from(db.selectDistinct({ s: matches.season }).from(matches).as("s")),
    db.select({ n: count() }).from(matches),
    db.select({ n: count() }).from(pipelineRuns),
    db.select({ n: count() }).from(modelVersions),
    db.select({ n: count() }).from(predictions),
  ]);
  return { seasons: seasons.n, matches: m.n, runs: r.n, modelVersions: v.n, predictions: p.n };
}

// Beside the folder, not in it: the folder is the database's own.
const markerOf = (dir: string) => `${path.resolve(dir)}.seed.json`;

/** The counts a previous seeding of `dir` recorded, or null. */
export function readSeed(dir: string): SeedCounts | null {
  try {
    return JSON.parse(fs.readFileSync(markerOf(dir), "utf8")) as SeedCounts;
  } catch {
    return null;
  }
}

async function waitUntilIdle(db: Database): Promise<void> {
  for (;;) {
    const [{ n }] = await db
      .select({ n: count() })
      .from(pipelineRuns)
      .where(inArray(pipelineRuns.status, ["queued", "running"]));
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Fills a PGlite folder the honest way: real pipeline runs through the embedded executor and the
 * project's Inngest functions. One full ETL of the 33 bundled seasons (which triggers the default
 * training, predictions and scoring), then small trainings until there are `versions` model
 * versions (each promoted one triggers a predictions run), then cheap real runs (single-season
 * ETL rechecks, scoring, predictions) until there are `runs` runs.
 */
export async function seedDashboardDatabase({
  dir,
  versions,
  runs,
  log,
}: {
  dir: string;
  versions: number;
  runs: number;
  log: (line: string) => void;
}): Promise<SeedCounts> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(markerOf(dir), { force: true });
  process.env.SCHEDULES = "off";
  process.env.BOOTSTRAP = "off";
  process.env.DATA_SOURCE = "bundled";
  // The runs' own log lines go to the database; the console gets the seeding's progress only.
  process.env.LOG_LEVEL ??= "error";
  const handle = await openDatabase({ driver: "pglite", dir });
  await migrateDatabase(handle);
  setDatabase(handle);
  const { startEmbeddedExecutor, stopEmbeddedExecutor } = await import("@/lib/executor/executor-instance");
  const { handleInngestRequest } = await import("@/inngest/serve-handler");
  const { dispatch } = await import("@/lib/pipelines/dispatch");
  await startEmbeddedExecutor({ endpoint: handleInngestRequest, staleAfterMs: 0 });
  const run = async (name: string, data: Record<string, unknown> = {}) => {
    await dispatch({ name, data }, { trigger: "manual" });
    await waitUntilIdle(handle.db);
  };
  try {
    const started = performance.now();
    await run("pipeline/etl.requested");
    log(`full ETL and its follow-on runs: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (let i = 1; (await countRows(handle.db)).modelVersions < versions; i++) {
      // Small forests on the default window: each a real walk-forward evaluation and registration.
      await run("pipeline/training.requested", {
        params: { nTrees: 30, maxDepth: 8, minSamplesLeaf: 100 + 10 * i, maxFeatures: 0.5, seed: i },
        reason: `bench seed ${i}`,
      });
    }
    log(`${versions} model versions: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const seasons = ["2324", "2425", "2526"];
    for (let i = 0; (await countRows(handle.db)).runs < runs; i++) {
      if (i % 3 === 0)
        await run("pipeline/etl.requested", { seasons: [seasons[(i / 3) % seasons.length]], fixtures: false });
      else if (i % 3 === 1) await run("pipeline/scoring.requested");
      else await run("pipeline/predictions.requested");
    }
    const counts = await countRows(handle.db);
    log(`${counts.runs} runs: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    fs.writeFileSync(markerOf(dir), JSON.stringify(counts));
    return counts;
  } finally {
    await stopEmbeddedExecutor();
    await handle.close();
  }
}
