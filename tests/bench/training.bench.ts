import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { openDatabase, setDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate-database";
import { runSteps } from "@/db/schema";
import { printTable, timed } from "@/lib/cli/print-table";
import { getFeatureSnapshot } from "@/lib/features/feature-cache";
import { FEATURE_NAMES } from "@/lib/features/feature-definitions";
import { startEmbeddedExecutor, stopEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { compareSeasons } from "@/lib/data/season-code";
import { getEngine } from "@/lib/model/engines";
import { DEFAULT_WINDOW } from "@/lib/model/evaluation/evaluate";
import { trainMatchModel } from "@/lib/model/match-model";
import { dispatch } from "@/lib/pipelines/dispatch";
import { resolveTrainingConfig } from "@/lib/pipelines/training-config";

// `npm run bench -- training`: the training pipeline end to end on the 33 bundled seasons
// (features, walk-forward over three seasons, final fit, registration, gate), run by the embedded
// executor through the real Inngest function, on a fresh PGlite database. Baseline in the same
// run: one fit of the final model (both regimes' forests) on the same rows. Target: the pipeline ≤ 60 s.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-training-"));
const handle = await openDatabase({ driver: "pglite", dir });
await migrateDatabase(handle);
setDatabase(handle);
const { handleInngestRequest } = await import("@/inngest/serve-handler");
const executor = await startEmbeddedExecutor({ endpoint: handleInngestRequest, schedules: false, manualOnly: true });

async function run(name: string, data: Record<string, unknown> = {}) {
  const { runIds } = await dispatch({ name, data }, { trigger: "manual" });
  const result = await executor.waitForRun(runIds[0]);
  if (result.status !== "completed") throw new Error(`${name}: ${result.status}: ${result.error}`);
  return result;
}

try {
  const etl = await timed(() => run("pipeline/etl.requested"));
  console.log(`ETL of the bundled data: ${(etl.ms / 1000).toFixed(1)} s (not part of the figure)`);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const training = await timed(() => run("pipeline/training.requested"));
  clearInterval(sampler);
  const steps = await handle.db
    .select()
    .from(runSteps)
    .where(eq(runSteps.runId, training.value.id))
    .orderBy(asc(runSteps.id));

  const { rows } = await getFeatureSnapshot({ db: handle.db });
  const train = rows.filter(
    (r) => r.outcome !== null && compareSeasons(r.season, DEFAULT_WINDOW.firstTrainingSeason) >= 0,
  );
  const fit = await timed(() =>
    trainMatchModel(getEngine("forest"), resolveTrainingConfig({}, "forest").params, FEATURE_NAMES, {
      values: train.map((r) => r.values),
      outcomes: train.map((r) => r.outcome!),
    }),
  );

  printTable(
    steps.map((s) => ({ step: s.name, status: s.status, seconds: ((s.durationMs ?? 0) / 1000).toFixed(2) })),
    "Training pipeline steps",
  );
  printTable(
    [
      {
        measure: "training pipeline, end to end",
        seconds: (training.ms / 1000).toFixed(2),
        "× one final fit": (training.ms / fit.ms).toFixed(1),
      },
      {
        measure: `baseline: one final fit (both regimes) on ${train.length} matches`,
        seconds: (fit.ms / 1000).toFixed(2),
        "× one final fit": "1.0",
      },
    ],
    `Training on the bundled data (target ≤ 60 s); peak RSS ${Math.round(peakRss / 1e6)} MB; output ${JSON.stringify(training.value.output)}`,
  );
  console.log(training.ms <= 60_000 ? "target met: ≤ 60 s" : "target MISSED: > 60 s");
} finally {
  await stopEmbeddedExecutor();
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
