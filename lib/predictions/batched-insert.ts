import { getTableColumns, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { predictions, type Prediction } from "@/db/schema";
import { arrayLiteral } from "@/db/array-literal";
import { rowsOf } from "@/db/rows";
import { processSlot } from "@/lib/process-slot";

/** What an ad-hoc prediction stores; the rest of the row is defaults and later scores. */
export type AdhocPredictionRow = Pick<
  typeof predictions.$inferInsert,
  | "matchId"
  | "homeTeamId"
  | "awayTeamId"
  | "kickoff"
  | "modelVersionId"
  | "regime"
  | "pHome"
  | "pDraw"
  | "pAway"
  | "marketHome"
  | "marketDraw"
  | "marketAway"
  | "marketSource"
>;

const WRITTEN = [
  "matchId",
  "homeTeamId",
  "awayTeamId",
  "kickoff",
  "modelVersionId",
  "regime",
  "pHome",
  "pDraw",
  "pAway",
  "marketHome",
  "marketDraw",
  "marketAway",
  "marketSource",
] as const;
const columns = getTableColumns(predictions);
const columnList = sql.raw(WRITTEN.map((k) => `"${columns[k].name}"`).join(", "));
const aliasList = sql.raw(WRITTEN.map((_, i) => `c${i}`).join(", "));

interface Pending {
  row: AdhocPredictionRow;
  resolve: (saved: Prediction) => void;
  reject: (error: unknown) => void;
}

/** The full row as stored: what was written, the defaults, no scores yet. */
export function storedRow(row: AdhocPredictionRow, id: number, createdAt: Date): Prediction {
  const empty = {
    runId: null,
    features: null,
    actualResult: null,
    rps: null,
    logLoss: null,
    brier: null,
    correct: null,
    marketRps: null,
    marketLogLoss: null,
    marketBrier: null,
    scoredAt: null,
  };
  return {
    ...empty,
    ...row,
    kind: "adhoc",
    matchId: row.matchId ?? null,
    marketHome: row.marketHome ?? null,
    marketDraw: row.marketDraw ?? null,
    marketAway: row.marketAway ?? null,
    marketSource: row.marketSource ?? null,
    id,
    createdAt,
  };
}

/**
 * Group commit for ad-hoc predictions: rows that arrive while an insert is in flight wait and go
 * in the next one, a single INSERT … SELECT FROM unnest (one bind value per column, whatever the
 * number of rows). Each caller gets its own committed row, with its id, before it answers, so
 * nothing is acknowledged unstored; under load one statement carries many rows, and with no load
 * a row is written at once (no timer).
 */
export class BatchedPredictionInsert {
  private pending: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly db: Database,
    private readonly maxRows = 500,
  ) {}

  insert(row: AdhocPredictionRow): Promise<Prediction> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    // Let the requests already parsed in this turn of the event loop join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length) {
      const batch = this.pending.splice(0, this.maxRows);
      try {
        const arrays = WRITTEN.map(
          (k) => sql`${arrayLiteral(batch.map((p) => p.row[k]))}::text::${sql.raw(columns[k].getSQLType())}[]`,
        );
        // WITH ORDINALITY + ORDER BY: rows are inserted, and take their serial ids, in the callers'
        // order; RETURNING's own order is not promised, so the ids are sorted back into it.
        const result = await this.db.execute(
          sql`insert into ${predictions} ("kind", ${columnList})
              select 'adhoc', ${aliasList} from unnest(${sql.join(arrays, sql`, `)}) with ordinality as u(${aliasList}, n)
              order by n
              returning "id", "created_at"`,
        );
        const rows = rowsOf<{ id: number; created_at: Date | string }>(result).sort((a, b) => a.id - b.id);
        batch.forEach((p, i) => p.resolve(storedRow(p.row, rows[i].id, new Date(rows[i].created_at))));
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    this.flushing = false;
  }
}

const holder = processSlot<{ db: Database; writer: BatchedPredictionInsert }>("adhoc-prediction-writer");

/** The process's writer of ad-hoc predictions into `db`. */
export function adhocPredictionWriter(db: Database): BatchedPredictionInsert {
  const current = holder.get();
  if (current?.db === db) return current.writer;
  return holder.set({ db, writer: new BatchedPredictionInsert(db) }).writer;
}
