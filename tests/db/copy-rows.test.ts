import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { copyRows, copyValue } from "@/db/copy-rows";
import { rowsOf } from "@/db/rows";
import { withTestDatabase } from "../helpers/with-test-database";

// COPY through the driver of the run (PGlite, or Postgres when TEST_DATABASE_URL is set).
const ctx = withTestDatabase();

describe("copyRows", () => {
  it("writes every value as given: nulls, numbers, booleans, instants and text with tabs, newlines and backslashes", async () => {
    const { db } = ctx.handle;
    await db.execute(
      sql`create table copy_probe (id int primary key, label text, odds double precision, known boolean, at timestamptz)`,
    );
    const at = new Date("2024-05-19T15:00:00Z");
    const rows = [
      [1, "Nott'm Forest\tv\nBrighton \\ Hove", 2.25, true, at],
      [2, null, null, false, null],
      [3, "\\N", 1.01, null, at],
    ];
    await db.transaction((tx) => copyRows(tx, "copy_probe", ["id", "label", "odds", "known", "at"], rows));
    const stored = rowsOf<{
      id: number;
      label: string | null;
      odds: number | null;
      known: boolean | null;
      at: Date | string | null;
    }>(await db.execute(sql`select id, label, odds, known, at from copy_probe order by id`));
    expect(
      stored.map((r) => [r.id, r.label, r.odds, r.known, r.at === null ? null : new Date(r.at).toISOString()]),
    ).toEqual([
      [1, "Nott'm Forest\tv\nBrighton \\ Hove", 2.25, true, at.toISOString()],
      [2, null, null, false, null],
      [3, "\\N", 1.01, null, at.toISOString()],
    ]);
  });

  it("rejects with the server's reason when a row breaks a constraint, and the transaction rolls back", async () => {
    const { db } = ctx.handle;
    await db.execute(sql`create table copy_strict (id int primary key)`);
    const attempt = db.transaction(async (tx) => {
      await tx.execute(sql`insert into copy_strict values (7)`);
      await copyRows(tx, "copy_strict", ["id"], [[1], [1]]);
    });
    // postgres.js 3.4.9 never settled a failed COPY (porsager/postgres#1173); patches/ fixes it.
    await expect(attempt).rejects.toThrow(/duplicate key value violates unique constraint/);
    expect(rowsOf(await db.execute(sql`select id from copy_strict`))).toEqual([]);
    // The connection is usable afterwards.
    await db.transaction((tx) => copyRows(tx, "copy_strict", ["id"], [[1], [2]]));
    expect(rowsOf(await db.execute(sql`select count(*)::int as n from copy_strict`))).toEqual([{ n: 2 }]);
  });

  it("escapes exactly the characters COPY's text format reserves", () => {
    expect(copyValue(null)).toBe("\\N");
    expect(copyValue(undefined)).toBe("\\N");
    expect(copyValue("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
    expect(copyValue(1.5)).toBe("1.5");
    expect(copyValue(new Date("2024-01-01T00:00:00Z"))).toBe("2024-01-01T00:00:00.000Z");
  });
});
