import { arrayLiteral } from "@/db/array-literal";
import { copyRows } from "@/db/copy-rows";
import { getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { matches } from "@/db/schema";
import { ODDS_FIELDS } from "./season-columns";
import type { MatchValues } from "./season-row-schema";

/**
 * `result`: a results file is the authority; it overwrites any row whose content changed and
 * keeps the fixture's matchday and external id. `fixture`: a fixture source never touches a row
 * a results file wrote, nor a fixture's odds (the fixtures file's, stored on the same row).
 */
export type UpsertPolicy = "result" | "fixture";

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const GENERATED = new Set(["id", "createdAt", "updatedAt"]);
const KEY = new Set(["season", "homeTeamId", "awayTeamId"]);
const FIXTURE_ONLY = new Set(["matchday", "externalId"]);
const ODDS = new Set<string>(ODDS_FIELDS);

const written = Object.entries(getTableColumns(matches))
  .filter(([key]) => !GENERATED.has(key))
  .map(([key, column]) => ({ key, name: column.name, type: column.getSQLType() }));

const columnList = sql.raw(written.map((c) => `"${c.name}"`).join(", "));

function updateSet(policy: UpsertPolicy): SQL {
  const assignments = written
    .filter(
      (c) =>
        !KEY.has(c.key) &&
        !(policy === "result" && FIXTURE_ONLY.has(c.key)) &&
        !(policy === "fixture" && ODDS.has(c.key)),
    )
    .map((c) => `"${c.name}" = excluded."${c.name}"`);
  return sql.raw([...assignments, `"updated_at" = now()`].join(", "));
}

const SET = { result: updateSet("result"), fixture: updateSet("fixture") };
const CHANGED = sql`${matches.sourceRowHash} is distinct from excluded.source_row_hash`;
const WHERE = {
  result: CHANGED,
  fixture: sql`${CHANGED} and ${matches.source} <> 'football-data.co.uk'`,
};

type Row = { values: MatchValues; hash: string };

/** What column `c` stores for a row of batch `batchId`. */
const valueOf = (c: (typeof written)[number], r: Row, batchId: number | null) =>
  c.key === "sourceRowHash" ? r.hash : c.key === "batchId" ? batchId : r.values[c.key as keyof MatchValues];

/** One array per column (`unnest` turns them back into rows): ~60 bind values per statement. */
function columnArrays(rows: Row[], batchId: number | null): SQL[] {
  return written.map((c) => {
    const values = rows.map((r) => valueOf(c, r, batchId));
    const type = sql.raw(c.type);
    // Columns a file does not have (most odds before 2005) cost one array_fill, not a parsed literal.
    return values.some((v) => v !== null && v !== undefined)
      ? sql`${arrayLiteral(values)}::text::${type}[]`
      : sql`array_fill(null::${type}, array[${rows.length}::int])`;
  });
}

const keyOf = (season: string, home: number, away: number) => `${season}:${home}:${away}`;

/**
 * Inserts new matches and updates changed ones, keyed by (season, home, away). The stored keys
 * and hashes are read first: new rows go in with a plain INSERT, rows whose hash changed through
 * the upsert (whose WHERE applies the policy), and rows with an equal hash are left alone and
 * counted unchanged. Two statements at most per call, whatever the number of rows.
 */
export async function upsertMatches(
  tx: Database,
  rows: Row[],
  { batchId, policy }: { batchId: number | null; policy: UpsertPolicy },
): Promise<UpsertCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const seasons = [...new Set(rows.map((r) => r.values.season))];
  const stored = await tx
    .select({ season: matches.season, home: matches.homeTeamId, away: matches.awayTeamId, hash: matches.sourceRowHash })
    .from(matches)
    .where(inArray(matches.season, seasons));
  const hashes = new Map(stored.map((m) => [keyOf(m.season, m.home, m.away), m.hash]));
  const fresh: typeof rows = [];
  const changed: typeof rows = [];
  for (const r of rows) {
    const key = keyOf(r.values.season, r.values.homeTeamId, r.values.awayTeamId);
    if (!hashes.has(key)) fresh.push(r);
    else if (hashes.get(key) !== r.hash) changed.push(r);
  }
  if (fresh.length) {
    const rowValues = fresh.map((r) => written.map((c) => valueOf(c, r, batchId)));
    await copyRows(
      tx,
      "matches",
      written.map((c) => c.name),
      rowValues,
    );
  }
  let updated = 0;
  if (changed.length) {
    // xmax is 0 on a freshly inserted row version and the updating transaction's id otherwise.
    const result = await tx.execute(sql`
      with written as (
        insert into ${matches} (${columnList})
        select * from unnest(${sql.join(columnArrays(changed, batchId), sql`, `)})
        on conflict (season, home_team_id, away_team_id) do update set ${SET[policy]} where ${WHERE[policy]}
        returning (xmax = 0) as inserted
      )
      select count(*)::int as written from written`);
    updated = rowsOf<{ written: number }>(result)[0].written;
  }
  return { inserted: fresh.length, updated, unchanged: rows.length - fresh.length - updated };
}
