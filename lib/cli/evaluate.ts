import fs from "node:fs";
import { parseArgs } from "node:util";
import { closeDatabase, getDatabase } from "@/db/client";
import { getFeatureSnapshot } from "@/lib/features/feature-cache";
import { getEngine } from "@/lib/model/engines";
import { evaluate } from "@/lib/model/evaluation/evaluate";
import { reportRows } from "@/lib/model/evaluation/format-report";
import { env } from "@/lib/env";
import { FOREST_SEARCH_GRID, resolveTrainingConfig } from "@/lib/pipelines/training-config";
import { printTable } from "@/lib/cli/print-table";

const USAGE = `usage: npm run evaluate [-- --json FILE] [--search] [--engine forest|ml-random-forest] [--params JSON] [--seasons 2324,2425,2526]

Walk-forward evaluation of the model on the stored matches (run \`npm run pipeline -- etl\` first),
next to the market's pre-match and closing probabilities, Elo alone and base rates.
  --search   choose hyperparameters on the three seasons before the test window first (slower)
  --json     also write the full report (per season and pooled, with fingerprints) to FILE`;

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      json: { type: "string" },
      search: { type: "boolean", default: false },
      engine: { type: "string" },
      params: { type: "string" },
      seasons: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const config = resolveTrainingConfig(
    {
      engine: values.engine as "forest" | "ml-random-forest" | undefined,
      params: values.params ? JSON.parse(values.params) : undefined,
      testSeasons: values.seasons?.split(","),
    },
    env().MODEL_ENGINE,
  );
  const handle = await getDatabase();
  const started = performance.now();
  const snapshot = await getFeatureSnapshot({ db: handle.db });
  const finished = snapshot.rows.filter((r) => r.outcome !== null).length;
  if (finished === 0)
    throw new Error(
      `no finished matches in ${handle.driver} at ${handle.location}: run \`npm run pipeline -- etl\` first`,
    );
  console.log(
    `features of ${snapshot.rows.length} matches (${finished} finished) in ${Math.round(performance.now() - started)} ms`,
  );
  const report = await evaluate(snapshot.rows, {
    engine: getEngine(config.engine),
    params: config.params,
    window: config.window,
    searchGrid: values.search ? FOREST_SEARCH_GRID : undefined,
    onProgress: (message) => console.log(`  ${message}`),
  });
  printTable(
    reportRows(report),
    `Walk-forward evaluation (${config.engine}, trained from ${report.window.firstTrainingSeason}, refit ${report.refit})`,
  );
  const pooled = report.pooled.scores;
  const model = pooled.model?.rps ?? NaN;
  const market = pooled.marketPreMatch?.rps ?? NaN;
  console.log(
    `\npooled RPS: model ${model.toFixed(5)} vs market pre-match ${market.toFixed(5)} ` +
      `(difference ${(model - market >= 0 ? "+" : "") + (model - market).toFixed(5)}); model ECE ${pooled.model?.ece.toFixed(4)}`,
  );
  console.log(`params: ${JSON.stringify(report.params)}`);
  for (const s of report.seasons)
    console.log(
      `training rows for ${s.season}: ${s.trainRows} (${s.trainSeasons.join("-")}), fingerprint ${s.fingerprint.slice(0, 16)}…`,
    );
  if (values.json) {
    const { predictions: _predictions, ...stored } = report;
    fs.writeFileSync(values.json, JSON.stringify(stored, null, 2));
    console.log(`report written to ${values.json}`);
  }
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
