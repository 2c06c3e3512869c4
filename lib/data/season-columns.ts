/**
 * Which football-data.co.uk column feeds each stored field. Columns are chosen by header name,
 * never by position; where the publisher renamed a column over the years, the first name
 * present wins (Pinnacle PSH, or PH in old files; market Avg/Max from 2019/20, BetBrain
 * BbAv/BbMx for 2005/06-2018/19).
 */
export const SEASON_COLUMNS = {
  division: ["Div"],
  date: ["Date"],
  time: ["Time"],
  homeTeam: ["HomeTeam"],
  awayTeam: ["AwayTeam"],
  fthg: ["FTHG", "HG"],
  ftag: ["FTAG", "AG"],
  ftr: ["FTR", "Res"],
  hthg: ["HTHG"],
  htag: ["HTAG"],
  htr: ["HTR"],
  referee: ["Referee"],
  attendance: ["Attendance"],
  homeShots: ["HS"],
  awayShots: ["AS"],
  homeShotsOnTarget: ["HST"],
  awayShotsOnTarget: ["AST"],
  homeFouls: ["HF"],
  awayFouls: ["AF"],
  homeCorners: ["HC"],
  awayCorners: ["AC"],
  homeYellow: ["HY"],
  awayYellow: ["AY"],
  homeRed: ["HR"],
  awayRed: ["AR"],
  b365H: ["B365H"],
  b365D: ["B365D"],
  b365A: ["B365A"],
  b365ClosingH: ["B365CH"],
  b365ClosingD: ["B365CD"],
  b365ClosingA: ["B365CA"],
  psH: ["PSH", "PH"],
  psD: ["PSD", "PD"],
  psA: ["PSA", "PA"],
  psClosingH: ["PSCH"],
  psClosingD: ["PSCD"],
  psClosingA: ["PSCA"],
  avgH: ["AvgH", "BbAvH"],
  avgD: ["AvgD", "BbAvD"],
  avgA: ["AvgA", "BbAvA"],
  avgClosingH: ["AvgCH"],
  avgClosingD: ["AvgCD"],
  avgClosingA: ["AvgCA"],
  maxH: ["MaxH", "BbMxH"],
  maxD: ["MaxD", "BbMxD"],
  maxA: ["MaxA", "BbMxA"],
  maxClosingH: ["MaxCH"],
  maxClosingD: ["MaxCD"],
  maxClosingA: ["MaxCA"],
} as const satisfies Record<string, readonly string[]>;

export type SeasonField = keyof typeof SEASON_COLUMNS;

export const SEASON_FIELDS = Object.keys(SEASON_COLUMNS) as SeasonField[];

/** In-match counts: whole numbers ≥ 0 when present. */
export const COUNT_FIELDS = [
  "attendance",
  "homeShots",
  "awayShots",
  "homeShotsOnTarget",
  "awayShotsOnTarget",
  "homeFouls",
  "awayFouls",
  "homeCorners",
  "awayCorners",
  "homeYellow",
  "awayYellow",
  "homeRed",
  "awayRed",
] as const satisfies readonly SeasonField[];

/** 1X2 decimal odds: numbers > 1.0 when present. */
export const ODDS_FIELDS = SEASON_FIELDS.filter((f) => /^(b365|ps|avg|max)/.test(f)) as OddsField[];

export type CountField = (typeof COUNT_FIELDS)[number];
export type OddsField = Extract<SeasonField, `b365${string}` | `ps${string}` | `avg${string}` | `max${string}`>;

/** The columns a results file must have. */
export const RESULT_COLUMNS: readonly SeasonField[] = ["date", "homeTeam", "awayTeam", "fthg", "ftag", "ftr"];
/** The columns football-data.co.uk's fixtures file must have (no results yet; every league). */
export const FIXTURE_COLUMNS: readonly SeasonField[] = ["division", "date", "homeTeam", "awayTeam"];

/** Pre-match 1X2 odds (closing prices are for baselines only and arrive with the results). */
export const PRE_MATCH_ODDS_FIELDS = ODDS_FIELDS.filter((f) => !f.includes("Closing"));

export interface ColumnSelection {
  /** Index of each field's column in the header, -1 when the file has none. */
  index: Record<SeasonField, number>;
  /** The header name each field was read from (for messages), null when absent. */
  column: Record<SeasonField, string | null>;
  /** Required fields the header lacks, by their usual column name. */
  missing: string[];
  /** Index of the last named column: a row shorter than this is truncated. */
  lastNamedIndex: number;
}

/** Maps a header onto the stored fields. Unknown columns (e.g. 2026/27's HxG/AxG) are ignored. */
export function selectColumns(header: string[], required: readonly SeasonField[] = RESULT_COLUMNS): ColumnSelection {
  const position = new Map<string, number>();
  header.forEach((name, i) => {
    if (name !== "" && !position.has(name)) position.set(name, i);
  });
  const index = {} as Record<SeasonField, number>;
  const column = {} as Record<SeasonField, string | null>;
  for (const field of SEASON_FIELDS) {
    const name = SEASON_COLUMNS[field].find((c) => position.has(c)) ?? null;
    column[field] = name;
    index[field] = name === null ? -1 : position.get(name)!;
  }
  const missing = required.filter((f) => index[f] < 0).map((f) => SEASON_COLUMNS[f][0]);
  const lastNamedIndex = header.reduce((last, name, i) => (name !== "" ? i : last), -1);
  return { index, column, missing, lastNamedIndex };
}
