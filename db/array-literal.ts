/**
 * A Postgres array literal ('{1,NULL,"a b"}') of a column's values: a whole column travels as one
 * bind value, which `unnest` turns back into rows.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  const items = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) items[i] = "NULL";
    else if (typeof v === "number" || typeof v === "boolean") items[i] = String(v);
    else if (v instanceof Date) items[i] = `"${v.toISOString()}"`;
    else items[i] = `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return `{${items.join(",")}}`;
}
