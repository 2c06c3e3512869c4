import fs from "node:fs";
import { parseArgs } from "node:util";
import { closeDatabase, getDatabase } from "@/db/client";
import { getFeatureSnapshot } from "@/lib/features/feature-cache";
import { getEngine } from "@/lib/model/engines";
import { evaluate } from "@/lib/model/evaluation/evaluate";
import type { BlendReport } from "@/lib/model/evaluation/blend-walk-forward";
import { reportRows, summaryLine } from "@/lib/model/evaluation/format-report";
import { REGIMES, type Regime } from "@/lib/model/regime";
import { env } from "@/lib/env";
import { FOREST_SEARCH_GRID, resolveTrainingConfig } from "@/lib/pipelines/training-config";
import { printTable } from "@/lib/cli/print-table";

const USAGE = `usage: npm run evaluate [-- --json FILE] [--search] [--engine forest|ml-random-forest] [--params JSON] [--seed N] [--seasons 2324,2425,2526]

Walk-forward evaluation of both regimes' models on the stored matches (run \`npm run pipeline -- etl\`
first): odds-free (no market feature) and with-odds (and its blend with the market), each next to
the market's pre-match and closing probabilities, the Dixon-Coles goals model, Elo alone and base
rates. Ends with one summary line per regime.
  --search   choose each regime's hyperparameters on the three seasons before the test window first (slower)
  --params   the forest params of both regimes (default: each regime's own)
  --seed     another forest seed for both regimes' default params
  --json     also write the full report (both regimes, per season and pooled, with fingerprints) to FILE`;

function mapValues<T, U>(record: Record<Regime, T>, f: (value: T) => U): Record<Regime, U> {
  return Object.fromEntries(REGIMES.map((r) => [r, f(record[r])])) as Record<Regime, U>;
}

function blendLine(blend: BlendReport): string {
  const v = blend.validation;
  const verdict = blend.chosen ? "kept: the model is the blend" : "not kept: the model is the forest alone";
  return v
    ? `blend of ${blend.sources.join(" + ")} on validation ${blend.validationSeasons.join(",")} (${v.n} matches): RPS ${v.blendRps.toFixed(5)} vs forest ${v.forestRps.toFixed(5)}; ${verdict}` +
        (blend.final ? `; final weights ${blend.final.weights.map((w) => w.toFixed(3)).join(", ")}` : "")
    : `blend: no validation forecasts; ${verdict}`;
}

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      json: { type: "string" },
      search: { type: "boolean", default: false },
      engine: { type: "string" },
      params: { type: "string" },
      seasons: { type: "string" },
      seed: { type: "string" },
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
  // Another forest seed for every regime, the rest of each regime's params unchanged (the seed spread).
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  const params = seed === undefined ? config.params : mapValues(config.params, (p) => ({ ...p, seed }));
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
    params,
    window: config.window,
    searchGrid: values.search ? FOREST_SEARCH_GRID.map((p) => (seed === undefined ? p : { ...p, seed })) : undefined,
    onProgress: (message) => console.log(`  ${message}`),
  });
  for (const regime of REGIMES) {
    const r = report.regimes[regime];
    printTable(
      reportRows(r),
      `\n[${regime}] walk-forward evaluation (${config.engine}, ${r.features.length} features, trained from ${report.window.firstTrainingSeason}, refit ${report.refit})`,
    );
    console.log(`params: ${JSON.stringify(r.params)}`);
    for (const s of r.seasons)
      console.log(
        `training rows for ${s.season}: ${s.trainRows} (${s.trainSeasons.join("-")}), fingerprint ${s.fingerprint.slice(0, 16)}…`,
      );
    console.log(blendLine(r.blend));
  }
  console.log("");
  for (const regime of REGIMES) console.log(summaryLine(report.regimes[regime]));
  if (values.json) {
    const { predictions: _predictions, ...stored } = report;
    fs.writeFileSync(values.json, JSON.stringify(stored, null, 2));
  }
  console.error(
    `done in ${((performance.now() - started) / 1000).toFixed(1)} s${values.json ? `; report written to ${values.json}` : ""}`,
  );
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
