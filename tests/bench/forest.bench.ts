import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createMatrix, type Matrix } from "@/lib/model/classifier";
import { logLoss } from "@/lib/model/random-forest/log-loss";
import { syntheticClassification } from "../model/synthetic-classification";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate-database";
import { printTable } from "@/lib/cli/print-table";
import { runEtl } from "@/lib/data/run-etl";
import { realFeatureMatrix } from "@/lib/features/real-feature-matrix";
import type { RunResult, RunSpec } from "./forest-runner";

// `npm run bench -- forest [--repeats 3] [--seeds 5] [--ml-rows 2000] [--skip-ml] [--skip-real]`
// This engine (1 and 2 workers), scikit-learn (n_jobs 1 and 2) and ml-random-forest on the same
// rows, each run in a fresh process (so peak RSS is its own, and JIT warm-up is paid as in a real
// fit); runs are interleaved and repeated, and the median fit time is reported, because the
// machine's two cores are shared. Log loss is computed here, by one function, for every engine.

export interface BenchDataset {
  name: string;
  x: Matrix;
  y: Uint8Array;
  /** The first `trainRows` rows train, the rest test (time order is kept). */
  trainRows: number;
}

const { values: options } = parseArgs({
  options: {
    repeats: { type: "string", default: "3" },
    "ml-rows": { type: "string", default: "2000" },
    seeds: { type: "string", default: "5" },
    "skip-ml": { type: "boolean", default: false },
    "skip-real": { type: "boolean", default: false },
  },
});
const repeats = Math.max(1, Number(options.repeats));
const mlRows = Number(options["ml-rows"]);
const spreadSeeds = Array.from({ length: Number(options.seeds) }, (_, i) => i + 1);

// The configuration of issue 4: 100 trees, depth 10, sqrt(F) features per split, bootstrap.
const forestParams = { nTrees: 100, maxDepth: 10, maxFeatures: "sqrt", bootstrap: true };
const sklearnParams = { n_estimators: 100, max_depth: 10, max_features: "sqrt", bootstrap: true };
const python = "/usr/bin/python3";
const hasSklearn = spawnSync(python, ["-c", "import sklearn"]).status === 0;
const runner = path.join(import.meta.dirname, "forest-runner.ts");
const sklearnScript = path.join(import.meta.dirname, "forest-sklearn.py");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "forest-bench-"));

interface Run extends Partial<RunResult> {
  label: string;
  fitMs: number;
  predictMs: number;
  proba: Map<number, Matrix>;
  fitRuns?: number[];
}

function writeDataset(data: BenchDataset, tag: string): string {
  const dir = path.join(work, tag);
  fs.mkdirSync(dir);
  const { rows, cols } = data.x;
  const classes = Math.max(...data.y) + 1;
  fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ rows, cols, trainRows: data.trainRows, classes }));
  fs.writeFileSync(
    path.join(dir, "x.f64"),
    new Uint8Array(data.x.data.buffer, data.x.data.byteOffset, rows * cols * 8),
  );
  fs.writeFileSync(path.join(dir, "y.u8"), data.y);
  // Shortest round-trip decimal form: Python parses back the identical doubles.
  const lines: string[] = [];
  for (let r = 0; r < rows; r++)
    lines.push(`${Array.from(data.x.data.subarray(r * cols, (r + 1) * cols)).join(",")},${data.y[r]}`);
  fs.writeFileSync(path.join(dir, "data.csv"), lines.join("\n") + "\n");
  return dir;
}

function readProba(dir: string, label: string, seeds: number[], testRows: number): Map<number, Matrix> {
  const proba = new Map<number, Matrix>();
  for (const seed of seeds) {
    const bytes = fs.readFileSync(path.join(dir, `${label}-${seed}.f64`));
    const data = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    proba.set(seed, createMatrix(testRows, data.length / testRows, data));
  }
  return proba;
}

function run(command: string, args: string[], what: string): RunResult {
  const child = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`${what} failed (exit ${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as RunResult;
}

function runEngine(dir: string, testRows: number, spec: Omit<RunSpec, "dir">): Run {
  const result = run(process.execPath, [...process.execArgv, runner, JSON.stringify({ ...spec, dir })], spec.label);
  return { ...result, label: spec.label, proba: readProba(dir, spec.label, spec.seeds, testRows) };
}

function runSklearn(dir: string, testRows: number, label: string, jobs: number, seeds: number[]): Run {
  const result = run(
    python,
    [sklearnScript, dir, label, String(jobs), JSON.stringify(sklearnParams), seeds.join(",")],
    label,
  );
  return { ...result, label, proba: readProba(dir, label, seeds, testRows) };
}

// Repeated runs of one configuration: median times, largest peak RSS, the first run's probabilities
// (every run of a seed gives the same ones).
function combine(runs: Run[]): Run {
  const median = (pick: (r: Run) => number | undefined) => {
    const values = runs
      .map(pick)
      .filter((v): v is number => v !== undefined)
      .sort((a, b) => a - b);
    return values.length ? values[Math.floor(values.length / 2)] : undefined;
  };
  return {
    ...runs[0],
    fitMs: median((r) => r.fitMs)!,
    predictMs: median((r) => r.predictMs)!,
    oneRowUs: median((r) => r.oneRowUs),
    loadMs: median((r) => r.loadMs),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb ?? 0)),
    fitRuns: runs.map((r) => r.fitMs),
  };
}

/** Runs each configuration `repeats` times, interleaved, and combines the repeats. */
function repeated(configs: (() => Run)[]): Run[] {
  const runs: Run[][] = configs.map(() => []);
  for (let rep = 0; rep < repeats; rep++) configs.forEach((config, i) => runs[i].push(config()));
  return runs.map(combine);
}

function accuracy(p: Matrix, y: ArrayLike<number>): number {
  let correct = 0;
  for (let r = 0; r < p.rows; r++) {
    let best = 0;
    for (let k = 1; k < p.cols; k++) if (p.data[r * p.cols + k] > p.data[r * p.cols + best]) best = k;
    if (best === y[r]) correct++;
  }
  return correct / p.rows;
}

const fixed = (v: number | undefined, digits: number) => (v === undefined ? "" : v.toFixed(digits));

function table(runs: Run[], yTest: Uint8Array, baseline: (run: Run) => Run | undefined, title: string): void {
  printTable(
    runs.map((r) => {
      const base = baseline(r);
      const p = r.proba.get(42)!;
      return {
        engine: r.label,
        "fit s": fixed(r.fitMs / 1000, 2),
        "fit runs s": (r.fitRuns ?? [r.fitMs]).map((ms) => (ms / 1000).toFixed(2)).join(" "),
        "fit / sklearn": base ? fixed(r.fitMs / base.fitMs, 2) : "",
        "predict ms": fixed(r.predictMs, 1),
        "1-row µs": fixed(r.oneRowUs, 1),
        "log loss": fixed(logLoss(p, yTest), 4),
        "- sklearn": base ? fixed(logLoss(p, yTest) - logLoss(base.proba.get(42)!, yTest), 4) : "",
        accuracy: fixed(accuracy(p, yTest), 4),
        "RSS before MB": fixed(r.rssBeforeMb, 0),
        "peak RSS MB": fixed(r.peakRssMb, 0),
        "artifact KB": fixed(r.artifactKb, 0),
        "load ms": fixed(r.loadMs, 2),
      };
    }),
    title,
  );
}

function target(what: string, value: number, limit: number, unit = ""): void {
  console.log(
    `  ${value <= limit ? "met   " : "MISSED"}  ${what}: ${value.toFixed(unit ? 0 : 4)}${unit} (target <= ${limit}${unit})`,
  );
}

/** Runs the whole comparison on one dataset; a second dataset is one more call. */
export async function benchDataset(data: BenchDataset): Promise<void> {
  const tag = data.name.replace(/[^a-z0-9]+/gi, "-");
  const testRows = data.x.rows - data.trainRows;
  const yTest = data.y.subarray(data.trainRows);
  const counts = Array.from({ length: Math.max(...data.y) + 1 }, (_, k) => data.y.filter((v) => v === k).length);
  console.log(
    `\n=== ${data.name}: ${data.x.rows} rows x ${data.x.cols} features, first ${data.trainRows} train, ${testRows} test; class counts ${counts.join(" / ")}`,
  );
  console.log(
    "    100 trees, depth 10, sqrt(F) features per split, bootstrap, seed 42; fit = wall time of fit() in a fresh process",
  );

  const dir = writeDataset(data, tag);
  const ours = (workers: number, seeds = [42]) =>
    runEngine(dir, testRows, { label: `forest-${workers}w`, engine: "forest", workers, params: forestParams, seeds });
  const sklearn = (jobs: number) => () => runSklearn(dir, testRows, `sklearn-jobs${jobs}`, jobs, [42]);
  const [one, two, sk1, sk2] = repeated([
    () => ours(1),
    () => ours(2),
    ...(hasSklearn ? [sklearn(1), sklearn(2)] : []),
  ]);
  const runs = [one, two, sk1, sk2].filter((r): r is Run => r !== undefined);
  const sameJobs = (r: Run) => (r === one ? sk1 : r === two ? sk2 : undefined);
  table(
    runs,
    yTest,
    sameJobs,
    `fit and predict on the full rows: median of ${repeats} runs; ratios against scikit-learn with as many threads`,
  );

  const identical = Buffer.from(one.proba.get(42)!.data.buffer).equals(Buffer.from(two.proba.get(42)!.data.buffer));
  console.log(`\n  1 and 2 workers give ${identical ? "identical" : "DIFFERENT"} probabilities`);
  target("peak RSS, forest 1 worker", one.peakRssMb!, 300, " MB");
  target("peak RSS, forest 2 workers", two.peakRssMb!, 300, " MB");
  if (sk1 && sk2) {
    target("fit time, forest 1 worker / sklearn n_jobs=1", one.fitMs / sk1.fitMs, 1);
    target("fit time, forest 2 workers / sklearn n_jobs=2", two.fitMs / sk2.fitMs, 1);
    target(
      "log loss, forest - sklearn (seed 42)",
      logLoss(one.proba.get(42)!, yTest) - logLoss(sk1.proba.get(42)!, yTest),
      0.005,
    );

    if (spreadSeeds.length > 0) {
      const spread = (r: Run) => spreadSeeds.map((s) => logLoss(r.proba.get(s)!, yTest));
      const a = spread(ours(2, spreadSeeds));
      const b = spread(runSklearn(dir, testRows, "sklearn-seeds", 2, spreadSeeds));
      const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
      const sd = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + (x - mean(v)) ** 2, 0) / (v.length - 1));
      console.log(
        `\n  log loss over seeds ${spreadSeeds.join(",")}: forest ${mean(a).toFixed(4)} ± ${sd(a).toFixed(4)}, sklearn ${mean(b).toFixed(4)} ± ${sd(b).toFixed(4)}, difference ${(mean(a) - mean(b)).toFixed(4)}`,
      );
    }
  } else {
    console.log(`\n  skipped scikit-learn: ${python} cannot import sklearn (apt-get install -y python3-sklearn)`);
  }

  if (options["skip-ml"]) return;
  const n = Math.min(mlRows, data.x.rows);
  const small: BenchDataset = {
    name: data.name,
    x: createMatrix(n, data.x.cols, data.x.data.subarray(0, n * data.x.cols)),
    y: data.y.subarray(0, n),
    trainRows: Math.floor(n * 0.8),
  };
  const smallDir = writeDataset(small, `${tag}-small`);
  const smallTest = n - small.trainRows;
  // ml-random-forest samples features once per tree, not per split: it gets sqrt(F) per tree.
  // ml-random-forest runs once: it is slow, and far from any target.
  const ml = runEngine(smallDir, smallTest, {
    label: "ml-random-forest",
    engine: "ml-random-forest",
    workers: 1,
    params: { nEstimators: 100, maxDepth: 10, maxFeatures: Math.floor(Math.sqrt(data.x.cols)) },
    seeds: [42],
  });
  const smallOne = runEngine(smallDir, smallTest, {
    label: "forest-1w",
    engine: "forest",
    workers: 1,
    params: forestParams,
    seeds: [42],
  });
  const smallSk = hasSklearn ? runSklearn(smallDir, smallTest, "sklearn-jobs1", 1, [42]) : undefined;
  const smallRuns = [smallOne, ml, smallSk].filter((r): r is Run => r !== undefined);
  table(
    smallRuns,
    small.y.subarray(small.trainRows),
    (r) => (r === smallSk ? undefined : smallSk),
    `ml-random-forest on the first ${n} rows (${small.trainRows} train; sqrt(F) features per tree, leaf-frequency probabilities), single thread`,
  );
  console.log(`\n  fit time ml-random-forest / forest: ${(ml.fitMs / smallOne.fitMs).toFixed(0)}x`);
}

const synthetic = syntheticClassification({ rows: 8_000, features: 30, seed: 7 });
await benchDataset({ name: "synthetic 3-class (seed 7)", x: synthetic.x, y: synthetic.y, trainRows: 6_400 });

// The real feature matrix: every bundled season through the ETL into a throwaway PGlite, the
// model's features from 2005/06, trained up to 2022/23 and tested on 2023/24-2025/26.
if (!options["skip-real"]) {
  const handle = await openDatabase({ driver: "pglite" });
  await migrateDatabase(handle);
  await runEtl({ db: handle.db, fixtures: false });
  const real = await realFeatureMatrix({ db: handle.db, firstSeason: "0506", testFrom: "2324" });
  await handle.close();
  await benchDataset({ name: "real features (bundled 2005/06-2025/26)", ...real });
}
fs.rmSync(work, { recursive: true, force: true });
