import { parseArgs } from "node:util";
import { closeDatabase, getDatabase } from "@/db/client";
import type { BatchSummary, EtlProgress } from "@/lib/data/batch-summary";
import { runEtl, totalsOf, type EtlSummary } from "@/lib/data/run-etl";
import { parseSeasonList } from "@/lib/data/season-code";
import type { SeasonSourceKind } from "@/lib/data/season-source";
import { printTable } from "@/tests/bench/report";

const USAGE = `usage: npm run pipeline -- etl [--source bundled|live] [--seasons 2324,2425] [--no-fixtures] [--force]

  --source     bundled: the snapshot in data/ (default: DATA_SOURCE); live: football-data.co.uk
  --seasons    season codes YYZZ, comma-separated (default: every season of the source)
  --no-fixtures  skip the fixtures (football-data.org with a token, else the bundled list)
  --force      reprocess files even when unchanged since their last load`;

class UsageError extends Error {}

function parseEtlArgs(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        source: { type: "string" },
        seasons: { type: "string" },
        "no-fixtures": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { source, seasons, force } = parsed.values;
  if (source !== undefined && source !== "bundled" && source !== "live") {
    throw new UsageError(`--source must be bundled or live (got "${source}")`);
  }
  let seasonList: string[] | undefined;
  try {
    seasonList = seasons === undefined ? undefined : parseSeasonList(seasons);
  } catch (error) {
    throw new UsageError(`--seasons: ${(error as Error).message}`);
  }
  return { source: source as SeasonSourceKind | undefined, seasons: seasonList, fixtures: !parsed.values["no-fixtures"], force };
}

const pad = (n: number, width: number) => String(n).padStart(width);

const fileLabel = (s: BatchSummary) => (s.source === "football-data.co.uk" ? `season ${s.season}` : `fixtures ${s.season ?? ""}`.trim());

function progressLine(event: EtlProgress): string {
  if (event.type === "retry") {
    return `        retry ${event.attempt} of ${event.location} in ${event.delayMs} ms (${event.reason})`;
  }
  const s = event.summary;
  const head = `[${pad(event.index, String(event.total).length)}/${event.total}] ${fileLabel(s).padEnd(13)} ${s.status.padEnd(9)}`;
  if (s.status === "failed") return `${head} ${s.error}`;
  if (s.status === "skipped") return `${head} unchanged since its last load (${s.durationMs} ms)`;
  return (
    `${head} ${pad(s.rowsRead, 4)} read ${pad(s.inserted, 4)} new ${pad(s.updated, 4)} updated ` +
    `${pad(s.unchanged, 4)} unchanged ${pad(s.quarantined, 3)} quarantined  ${s.durationMs} ms`
  );
}

function summaryRow(label: string, files: BatchSummary[]): Record<string, string | number> {
  const t = totalsOf(files);
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
}

function printSummary(summary: EtlSummary): void {
  const sources = [...new Set(summary.files.map((f) => f.source))];
  printTable(
    [
      ...sources.map((source) => summaryRow(source, summary.files.filter((f) => f.source === source))),
      summaryRow("total", summary.files),
    ],
    `ETL from the ${summary.source} source in ${summary.durationMs} ms: ${summary.changed ? "matches changed" : "no match changed"}`,
  );
  for (const f of summary.files.filter((f) => f.status === "failed")) console.error(`failed: ${f.error}`);
}

async function etl(argv: string[]): Promise<number> {
  const options = parseEtlArgs(argv);
  const handle = await getDatabase();
  console.log(`ETL into ${handle.driver} at ${handle.location}`);
  const summary = await runEtl({
    db: handle.db,
    source: options.source,
    seasons: options.seasons,
    fixtures: options.fixtures,
    force: options.force,
    onProgress: (event) => console.log(progressLine(event)),
  });
  printSummary(summary);
  return summary.totals.failed > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== "etl") {
    console.error(command ? `unknown command "${command}"\n\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    return await etl(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  } finally {
    await closeDatabase();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
