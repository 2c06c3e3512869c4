import { arrayLiteral } from "@/db/array-literal";
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { matches } from "@/db/schema";
import type { MatchValues } from "./season-row-schema";

/**
 * `result`: a results file is the authority; it overwrites any row whose content changed and
 * keeps the fixture's matchday and external id. `fixture`: a fixture source never touches a row
 * a results file wrote.
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

const written = Object.entries(getTableColumns(matches))
  .filter(([key]) => !GENERATED.has(key))
  .map(([key, column]) => ({ key, name: column.name, type: column.getSQLType() }));

const columnList = sql.raw(written.map((c) => `"${c.name}"`).join(", "));

function updateSet(policy: UpsertPolicy): SQL {
  const assignments = written
    .filter((c) => !KEY.has(c.key) && !(policy === "result" && FIXTURE_ONLY.has(c.key)))
    .map((c) => `"${c.name}" = excluded."${c.name}"`);
  return sql.raw([...assignments, `"updated_at" = now()`].join(", "));
}

const SET = { result: updateSet("result"), fixture: updateSet("fixture") };
const CHANGED = sql`${matches.sourceRowHash} is distinct from excluded.source_row_hash`;
const WHERE = {
  result: CHANGED,
  fixture: sql`${CHANGED} and ${matches.source} <> 'football-data.co.uk'`,
};

/**
 * Inserts new matches and updates changed ones, keyed by (season, home, away), in one statement
 * per call. A row whose stored hash equals the incoming one is left alone and counted unchanged.
 */
export async function upsertMatches(
  tx: Database,
  rows: { values: MatchValues; hash: string }[],
  { batchId, policy }: { batchId: number | null; policy: UpsertPolicy },
): Promise<UpsertCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  // One array per column, expanded by unnest: ~60 bind values per statement instead of ~60 per
  // row keeps both drivers' statement building and Postgres's parsing cheap.
  const arrays = written.map((c) => {
    const key = c.key as keyof MatchValues;
    const values = rows.map(c.key === "sourceRowHash" ? (r) => r.hash : c.key === "batchId" ? () => batchId : (r) => r.values[key]);
    const literal = values.some((v) => v !== null && v !== undefined) ? arrayLiteral(values) : null;
    const type = sql.raw(c.type);
    // Columns a file does not have (most odds before 2005) cost one array_fill, not a parsed literal.
    return literal === null ? sql`array_fill(null::${type}, array[${rows.length}::int])` : sql`${literal}::text::${type}[]`;
  });
  const result = await tx.execute(sql`
    insert into ${matches} (${columnList})
    select * from unnest(${sql.join(arrays, sql`, `)})
    on conflict (season, home_team_id, away_team_id) do update set ${SET[policy]} where ${WHERE[policy]}
    returning (xmax = 0) as inserted`);
  // xmax is 0 on a freshly inserted row version and the updating transaction's id otherwise.
  const returned = rowsOf<{ inserted: boolean }>(result);
  const inserted = returned.filter((r) => r.inserted).length;
  return { inserted, updated: returned.length - inserted, unchanged: rows.length - returned.length };
}
