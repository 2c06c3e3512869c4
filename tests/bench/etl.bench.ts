import fs from "node:fs";
import os from "node:os";
import { randomBytes } from "node:crypto";
import { getTableColumns, sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { copyText, copyTextInto } from "@/db/copy-rows";
import { migrateDatabase } from "@/db/migrate-database";
import { matches } from "@/db/schema";
import { ensureTeams } from "@/lib/data/ensure-teams";
import { parseSeasonFile } from "@/lib/data/parse-season-file";
import { runEtl } from "@/lib/data/run-etl";
import { BUNDLED_SEASONS } from "@/lib/data/season-code";
import { seasonLocation } from "@/lib/data/season-source";
import { loadTeamResolver } from "@/lib/data/team-resolver";
import { printTable, timed } from "@/lib/cli/print-table";

// `npm run bench -- etl [--rounds N] [--driver postgres|pglite]`: a full ETL load of the 33
// bundled seasons beside a plain COPY of the same rows into the same table (one transaction,
// the text built before the clock starts), in the same run;
// then a rerun with nothing changed. Targets: load ≤ 3× COPY, rerun ≤ 0.2 s.

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(option("rounds") ?? 5);
const drivers = option("driver") ? [option("driver")!] : ["postgres", "pglite"];
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

interface Target {
  handle: DatabaseHandle;
  dispose(): Promise<void>;
}

async function postgresTarget(): Promise<Target> {
  const name = `bench_etl_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ driver: "postgres", url: url.toString() });
  return {
    handle,
    async dispose() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

async function pgliteTarget(): Promise<Target> {
  const handle = await openDatabase({ driver: "pglite" });
  return { handle, dispose: () => handle.close() };
}

/** The same rows the ETL stores, as COPY text, parsed before the clock starts. */
async function rowsAsCopyText(handle: DatabaseHandle) {
  const resolveTeam = await loadTeamResolver(handle);
  const columns = Object.entries(getTableColumns(matches)).filter(
    ([k]) => !["id", "createdAt", "updatedAt", "batchId"].includes(k),
  );
  const rows: unknown[][] = [];
  for (const season of BUNDLED_SEASONS) {
    const location = seasonLocation(season, "bundled");
    const parsed = await parseSeasonFile({ bytes: fs.readFileSync(location), location, season, resolveTeam });
    for (const m of parsed.matches) {
      const values = m.values as Record<string, unknown>;
      rows.push(columns.map(([k]) => (k === "sourceRowHash" ? m.hash : values[k])));
    }
  }
  return { columns: columns.map(([, c]) => c.name), text: copyText(rows), rows: rows.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function bench(driver: string) {
  const target = driver === "postgres" ? await postgresTarget() : await pgliteTarget();
  const { db } = target.handle;
  try {
    await migrateDatabase(target.handle);
    await ensureTeams({ db });
    const rows = await rowsAsCopyText(target.handle);
    const copyMs: number[] = [];
    const loadMs: number[] = [];
    const rerunMs: number[] = [];
    const forcedMs: number[] = [];
    let loaded = 0;
    for (let round = 0; round < rounds; round++) {
      const reset = () => db.execute(sql`truncate matches, ingest_batches cascade`);
      await reset();
      copyMs.push((await timed(() => db.transaction((tx) => copyTextInto(tx, "matches", rows.columns, rows.text)))).ms);
      await reset();
      const load = await timed(() => runEtl({ db, source: "bundled", fixtures: false }));
      loadMs.push(load.ms);
      loaded = load.value.totals.inserted;
      const rerun = await timed(() => runEtl({ db, source: "bundled", fixtures: false }));
      if (rerun.value.totals.skipped !== BUNDLED_SEASONS.length) throw new Error("rerun did not skip every file");
      rerunMs.push(rerun.ms);
      const forced = await timed(() => runEtl({ db, source: "bundled", fixtures: false, force: true }));
      if (forced.value.totals.unchanged !== rows.rows) throw new Error("forced rerun did not find every row unchanged");
      forcedMs.push(forced.ms);
    }
    if (loaded !== rows.rows) throw new Error(`ETL inserted ${loaded} rows, COPY ${rows.rows}`);
    // COPY and load alternate within a round, so each round's ratio sees the same machine load.
    const ratios = loadMs.map((ms, i) => ms / copyMs[i]);
    const ratio = median(ratios);
    const rerun = median(rerunMs);
    return {
      driver,
      rows: rows.rows,
      "COPY ms": median(copyMs).toFixed(0),
      "ETL load ms": median(loadMs).toFixed(0),
      "load / COPY": `${ratio.toFixed(2)}x ${ratio <= 3 ? "(ok ≤ 3x)" : "(over 3x)"}`,
      "best ratio": `${Math.min(...ratios).toFixed(2)}x`,
      "rerun ms": `${rerun.toFixed(0)} ${rerun <= 200 ? "(ok ≤ 200)" : "(over 200)"}`,
      "forced rerun ms": median(forcedMs).toFixed(0),
      rounds,
    };
  } finally {
    await target.dispose();
  }
}

const results: Record<string, string | number>[] = [];
for (const driver of drivers) {
  try {
    results.push(await bench(driver));
  } catch (error) {
    console.error(`${driver}: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
printTable(
  results,
  `ETL of ${BUNDLED_SEASONS.length} bundled seasons vs COPY of the same rows (medians of ${rounds} rounds)`,
);
console.log(
  `\nmachine load average while running: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")} on ${os.availableParallelism()} cores`,
);
console.log("\nforced rerun: every file re-read, re-parsed and compared row by row (all unchanged).");
