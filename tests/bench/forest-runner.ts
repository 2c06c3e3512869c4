import fs from "node:fs";
import path from "node:path";
import { createMatrix } from "@/lib/model/classifier";
import { getEngine } from "@/lib/model/engines";

// One engine run of the forest bench, in its own process so that its peak RSS is its own.
// Usage: forest-runner.ts '<json RunSpec>'; prints one JSON line (RunResult) and writes the test
// rows' probabilities of each seed to <dir>/<label>-<seed>.f64.

export interface RunSpec {
  dir: string;
  label: string;
  engine: "forest" | "ml-random-forest";
  workers: number;
  params: Record<string, unknown>;
  /** Seeds to fit; timings and memory are those of the first. */
  seeds: number[];
}

export interface RunResult {
  fitMs: number;
  predictMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  oneRowUs: number;
  artifactKb: number;
  loadMs: number;
}

const spec = JSON.parse(process.argv[2]) as RunSpec;
const meta = JSON.parse(fs.readFileSync(path.join(spec.dir, "meta.json"), "utf8")) as {
  rows: number;
  cols: number;
  trainRows: number;
};
const xBytes = fs.readFileSync(path.join(spec.dir, "x.f64"));
const x = new Float64Array(xBytes.buffer.slice(xBytes.byteOffset, xBytes.byteOffset + xBytes.byteLength));
const y = new Uint8Array(fs.readFileSync(path.join(spec.dir, "y.u8")));
const train = createMatrix(meta.trainRows, meta.cols, x.subarray(0, meta.trainRows * meta.cols));
const test = createMatrix(meta.rows - meta.trainRows, meta.cols, x.subarray(meta.trainRows * meta.cols));
const engine = getEngine(spec.engine);
const mb = (bytes: number) => bytes / 1024 / 1024;
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rssBeforeMb = mb(process.memoryUsage().rss);
let result: RunResult | undefined;
for (const seed of spec.seeds) {
  const model = engine.create({ ...spec.params, seed });
  let started = performance.now();
  await model.fit(train, y.subarray(0, meta.trainRows), { workers: spec.workers });
  const fitMs = performance.now() - started;
  started = performance.now();
  const proba = model.predictProba(test);
  const predictMs = performance.now() - started;
  fs.writeFileSync(path.join(spec.dir, `${spec.label}-${seed}.f64`), new Uint8Array(proba.data.buffer));
  if (result) continue;

  const oneRow = createMatrix(1, meta.cols, test.data.slice(0, meta.cols));
  const rowTimes: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const t = performance.now();
    model.predictProba(oneRow);
    rowTimes.push(performance.now() - t);
  }
  const artifact = model.serialize();
  const loadTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    engine.load(artifact);
    loadTimes.push(performance.now() - t);
  }
  result = {
    fitMs,
    predictMs,
    rssBeforeMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    oneRowUs: median(rowTimes) * 1000,
    artifactKb: artifact.length / 1024,
    loadMs: median(loadTimes),
  };
}
console.log(JSON.stringify(result));
