/**
 * Seasons are 4-digit `YYZZ` codes, football-data.co.uk's own: "9394" is 1993/94, "2324" is
 * 2023/24, "2627" is 2026/27.
 */
export type SeasonCode = string;

const SEASON_CODE = /^\d{4}$/;

/** The first and last seasons bundled in data/football-data-co-uk. */
export const FIRST_SEASON = "9394";
export const LAST_BUNDLED_SEASON = "2526";

export function isSeasonCode(value: string): boolean {
  if (!SEASON_CODE.test(value)) return false;
  const start = Number(value.slice(0, 2));
  return (start + 1) % 100 === Number(value.slice(2));
}

/** Calendar year the season starts in: "9394" → 1993, "2324" → 2023. */
export function seasonStartYear(code: SeasonCode): number {
  if (!isSeasonCode(code)) throw new RangeError(`"${code}" is not a season code like 2324`);
  const yy = Number(code.slice(0, 2));
  // Football-data.co.uk's records begin in 1993; 90-99 are the 1990s.
  return yy >= 90 ? 1900 + yy : 2000 + yy;
}

export function seasonCodeForStartYear(year: number): SeasonCode {
  const two = (n: number) => String(n % 100).padStart(2, "0");
  return `${two(year)}${two(year + 1)}`;
}

/** Chronological order of season codes (string order would put "9394" after "2324"). */
export function compareSeasons(a: SeasonCode, b: SeasonCode): number {
  return seasonStartYear(a) - seasonStartYear(b);
}

/** "2324" → "2023/24", for people. */
export function seasonLabel(code: SeasonCode): string {
  const start = seasonStartYear(code);
  return `${start}/${code.slice(2)}`;
}

/**
 * Dates a season's matches may fall on: 1 July of its first year to 31 July of its second
 * (2019/20 finished on 26 July 2020). Returned as UTC midnights, `end` exclusive.
 */
export function seasonWindow(code: SeasonCode): { start: Date; end: Date } {
  const year = seasonStartYear(code);
  return { start: new Date(Date.UTC(year, 6, 1)), end: new Date(Date.UTC(year + 1, 7, 1)) };
}

/**
 * The season a date belongs to, with August as the first month: no Premier League season has
 * started before August, and 2019/20 ended in July 2020 (so a July date is the old season's, and
 * in July the live source is not asked for a season file that is not published yet).
 */
export function seasonOfDate(date: Date): SeasonCode {
  const year = date.getUTCFullYear();
  return seasonCodeForStartYear(date.getUTCMonth() >= 7 ? year : year - 1);
}

/** Every season from `from` to `to` inclusive, in order. */
export function seasonRange(from: SeasonCode, to: SeasonCode): SeasonCode[] {
  const codes: SeasonCode[] = [];
  for (let y = seasonStartYear(from); y <= seasonStartYear(to); y++) codes.push(seasonCodeForStartYear(y));
  return codes;
}

/** The 33 seasons of the bundled snapshot, 1993/94 to 2025/26. */
export const BUNDLED_SEASONS: readonly SeasonCode[] = seasonRange(FIRST_SEASON, LAST_BUNDLED_SEASON);

/** Parses "2324,2425" (the CLI's --seasons); throws naming each bad code. */
export function parseSeasonList(text: string): SeasonCode[] {
  const codes = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const bad = codes.filter((c) => !isSeasonCode(c));
  if (bad.length) throw new RangeError(`not season codes (expected YYZZ like 2324): ${bad.join(", ")}`);
  if (codes.length === 0) throw new RangeError("no seasons given (expected e.g. 2324,2425)");
  return [...new Set(codes)];
}
