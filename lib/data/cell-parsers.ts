import { z } from "zod";

// Cell parsers shared by the row schemas. Cells arrive trimmed; "" means the file left the cell
// empty, which is stored as null (never 0). A parser returns the value or a CellError; the row
// schemas (and zCell, for one cell) turn it into a zod issue carrying the message.

export class CellError {
  constructor(readonly message: string) {}
}

export type CellParser<T> = (v: string) => T | CellError;

const COUNT = /^\d{1,6}$/;
const GOALS = /^\d{1,2}$/;
const DECIMAL = /^\d+(\.\d+)?$/;

export const parseCount: CellParser<number | null> = (v) =>
  v === "" ? null : COUNT.test(v) ? Number(v) : new CellError(`"${v}" is not a whole number ≥ 0`);

export const parseOptionalGoals: CellParser<number | null> = (v) =>
  v === "" ? null : GOALS.test(v) ? Number(v) : new CellError(`"${v}" is not a goal count (a whole number ≥ 0)`);

export const parseGoals: CellParser<number> = (v) => (v === "" ? new CellError("is empty") : parseOptionalGoals(v)!);

/** Decimal odds: a number greater than 1.0 (odds of 1.0 or less pay nothing or lose money). */
export const parseOdds: CellParser<number | null> = (v) => {
  if (v === "") return null;
  const n = DECIMAL.test(v) ? Number(v) : NaN;
  return n > 1 ? n : new CellError(`"${v}" is not valid decimal odds (must be a number > 1.0)`);
};

export type Outcome = "H" | "D" | "A";

export const parseOptionalResult: CellParser<Outcome | null> = (v) =>
  v === "" ? null : v === "H" || v === "D" || v === "A" ? v : new CellError(`"${v}" is not H, D or A`);

export const parseResult: CellParser<Outcome> = (v) => (v === "" ? new CellError("is empty") : parseOptionalResult(v)!);

export const parseText: CellParser<string | null> = (v) => (v === "" ? null : v);

/** A calendar date written dd/mm/yy or dd/mm/yyyy (two-digit years 90-99 are the 1990s). */
export const parseDayMonthYear: CellParser<{ year: number; month: number; day: number }> = (v) => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(v);
  if (!m) return new CellError(v === "" ? "is empty" : `"${v}" is not a date (dd/mm/yy or dd/mm/yyyy)`);
  const yy = Number(m[3]);
  const year = m[3].length === 4 ? yy : yy >= 90 ? 1900 + yy : 2000 + yy;
  const month = Number(m[2]);
  const day = Number(m[1]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return new CellError(`"${v}" is not a real date`);
  return { year, month, day };
};

/** A wall-clock time HH:MM, or null when the cell is empty. */
export const parseClock: CellParser<{ hour: number; minute: number } | null> = (v) => {
  if (v === "") return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(v);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return new CellError(`"${v}" is not a time (HH:MM)`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
};

/** One cell as a zod schema. */
export function zCell<T>(parse: CellParser<T>) {
  return z.string().transform((v, ctx): T => {
    const r = parse(v);
    if (r instanceof CellError) {
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    }
    return r;
  });
}

export function resultOf(home: number, away: number): Outcome {
  return home > away ? "H" : home < away ? "A" : "D";
}
