/**
 * `db.execute()` answers differently per driver: postgres.js gives an array of rows, PGlite an
 * object with `rows`. Raw SQL callers read rows through this so that both drivers look the same.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
