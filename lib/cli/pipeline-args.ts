import { parseArgs } from "node:util";
import { parseSeasonList } from "@/lib/data/season-code";
import { PIPELINE_NAMES } from "@/lib/pipelines/pipeline-names";

export const COMMANDS = [...PIPELINE_NAMES, "all"] as const;
export type Command = (typeof COMMANDS)[number];

export const USAGE = `usage: npm run pipeline -- <etl|training|predictions|scoring|all> [options]

Runs the pipelines' Inngest functions in this process (an embedded executor) against the configured
database (DATABASE_URL, else PGLITE_DIR; stop the server first when it uses the same PGlite folder),
with a progress line per step and a summary at the end. "all" runs etl, training, predictions and
scoring in order, then whatever their events trigger.

etl:       [--source auto|bundled|live] [--seasons 2324,2425] [--no-fixtures] [--force]
  --source       auto: the snapshot, then football-data.co.uk for newer seasons and the fixtures
                 file's odds (offline: the snapshot alone); bundled: the snapshot in data/; live:
                 football-data.co.uk (default: DATA_SOURCE)
  --seasons      season codes YYZZ, comma-separated (default: every season of the source)
  --no-fixtures  skip the fixtures (football-data.org with a token, else the bundled list)
  --force        reprocess files even when unchanged since their last load
training:  [--search] [--engine forest|ml-random-forest] [--params JSON] [--test-seasons 2324,2425,2526]`;

export class UsageError extends Error {}

export interface PipelineArgs {
  command: Command;
  /** Event data of `pipeline/etl.requested` and `pipeline/training.requested`. */
  etl: Record<string, unknown>;
  training: Record<string, unknown>;
}

/** Parses the command line into the event to send; UsageError names what is wrong. */
export function parsePipelineArgs(argv: string[]): PipelineArgs {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError("no command given");
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}"`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        source: { type: "string" },
        seasons: { type: "string" },
        "no-fixtures": { type: "boolean" },
        force: { type: "boolean" },
        search: { type: "boolean" },
        engine: { type: "string" },
        params: { type: "string" },
        "test-seasons": { type: "string" },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const etlOnly = ["source", "seasons", "no-fixtures", "force"].filter((k) => k in v);
  const trainingOnly = ["search", "engine", "params", "test-seasons"].filter((k) => k in v);
  if (command !== "etl" && command !== "all" && etlOnly.length)
    throw new UsageError(`--${etlOnly[0]} is an etl option`);
  if (command !== "training" && command !== "all" && trainingOnly.length)
    throw new UsageError(`--${trainingOnly[0]} is a training option`);

  const etl: Record<string, unknown> = {};
  const training: Record<string, unknown> = {};
  if (v.source !== undefined) {
    if (v.source !== "auto" && v.source !== "bundled" && v.source !== "live")
      throw new UsageError(`--source must be auto, bundled or live (got "${v.source}")`);
    etl.source = v.source;
  }
  if (v.seasons !== undefined) etl.seasons = seasons("--seasons", v.seasons);
  if (v["no-fixtures"]) etl.fixtures = false;
  if (v.force) etl.force = true;
  if (v.search) training.search = true;
  if (v.engine !== undefined) {
    if (v.engine !== "forest" && v.engine !== "ml-random-forest")
      throw new UsageError(`--engine must be forest or ml-random-forest (got "${v.engine}")`);
    training.engine = v.engine;
  }
  if (v.params !== undefined) {
    try {
      training.params = JSON.parse(v.params);
    } catch (error) {
      throw new UsageError(`--params is not JSON: ${(error as Error).message}`);
    }
  }
  if (v["test-seasons"] !== undefined) training.testSeasons = seasons("--test-seasons", v["test-seasons"]);
  return { command: command as Command, etl, training };
}

function seasons(flag: string, text: string): string[] {
  try {
    return parseSeasonList(text);
  } catch (error) {
    throw new UsageError(`${flag}: ${(error as Error).message}`);
  }
}
