import { z } from "zod";
import type { NewMatch } from "@/db/schema";
import {
  CellError,
  parseClock,
  parseCount,
  parseDayMonthYear,
  parseGoals,
  parseOdds,
  parseOptionalGoals,
  parseOptionalResult,
  parseResult,
  parseText,
  resultOf,
  type CellParser,
} from "./cell-parsers";
import { cleanCell } from "./decode-text";
import { londonLocalToUtc } from "./london-time";
import { seasonLabel, seasonWindow, type SeasonCode } from "./season-code";
import { COUNT_FIELDS, ODDS_FIELDS, type ColumnSelection, type SeasonField } from "./season-columns";
import type { ResolveTeam, TeamRef } from "./team-resolver";

/** A match's stored values as one source gives them, teams resolved. */
export type MatchValues = Omit<NewMatch, "id" | "batchId" | "sourceRowHash" | "createdAt" | "updatedAt">;

export interface ParsedMatch {
  values: MatchValues;
  home: TeamRef;
  away: TeamRef;
}

// Saturday 15:00 UK time, the traditional kickoff, stands in when a file gives only the date.
const DEFAULT_KICKOFF = { hour: 15, minute: 0 };

const fmtDate = (d: Date) => d.toISOString().slice(0, 10);

// Every row's values start as a copy of this object: one object shape for all rows (cheap to
// copy and to read), every count and odds field null until the file's cell says otherwise.
const EMPTY_VALUES = {
  season: "",
  kickoff: new Date(0),
  kickoffTimeKnown: false,
  homeTeamId: 0,
  awayTeamId: 0,
  status: "finished",
  fthg: null,
  ftag: null,
  ftr: null,
  hthg: null,
  htag: null,
  htr: null,
  referee: null,
  source: "football-data.co.uk",
  ...Object.fromEntries([...COUNT_FIELDS, ...ODDS_FIELDS].map((f) => [f, null])),
} as unknown as MatchValues;

/**
 * The zod schema of one football-data.co.uk data row (its fields, split by the CSV reader) of
 * `season`, for a file whose header gave `selection`. Cells are read by column name through the
 * selection; absent columns read as empty. Field issues carry a path whose last key is the
 * field (the caller names the column); cross-field issues carry none and a complete message,
 * and are checked only when every cell is valid. One schema run per row: the row's ~50 cells
 * are checked by plain parsers inside it (a schema run per cell was the ETL's largest cost).
 */
export function createSeasonRowSchema({
  season,
  resolveTeam,
  selection,
}: {
  season: SeasonCode;
  resolveTeam: ResolveTeam;
  selection: Pick<ColumnSelection, "index">;
}) {
  const window = seasonWindow(season);
  const team = (v: string): TeamRef | CellError => {
    if (v === "") return new CellError("is empty");
    return resolveTeam(v) ?? new CellError(`unknown team "${v}" (no such club or alias)`);
  };
  const division = (v: string) => (v === "" || v === "E0" ? v : new CellError(`"${v}" is not E0 (the Premier League)`));
  const { index } = selection;
  const present = (fields: readonly SeasonField[]) =>
    fields.filter((f) => index[f] >= 0).map((f) => [f, index[f]] as const);
  const counts = present(COUNT_FIELDS);
  const odds = present(ODDS_FIELDS);

  return z
    .custom<readonly string[]>((v) => Array.isArray(v), { message: "a row must be a list of fields" })
    .transform((fields, ctx): ParsedMatch => {
      let valid = true;
      const issue = (message: string, field?: SeasonField) => {
        valid = false;
        ctx.addIssue({ code: "custom", message, path: field ? [field] : [] });
      };
      const cell = (field: SeasonField) => (index[field] < 0 ? "" : cleanCell(fields[index[field]]));
      const read = <T>(field: SeasonField, parse: CellParser<T>): T => {
        const r = parse(cell(field));
        if (r instanceof CellError) issue(r.message, field);
        return r as T;
      };
      read("division", division);
      const date = read("date", parseDayMonthYear);
      const time = read("time", parseClock);
      const home = read("homeTeam", team);
      const away = read("awayTeam", team);
      const fthg = read("fthg", parseGoals);
      const ftag = read("ftag", parseGoals);
      const ftr = read("ftr", parseResult);
      const hthg = read("hthg", parseOptionalGoals);
      const htag = read("htag", parseOptionalGoals);
      const htr = read("htr", parseOptionalResult);
      const referee = read("referee", parseText);

      const values = { ...EMPTY_VALUES };
      const record = values as Record<string, unknown>;
      for (const [field, i] of counts) {
        const r = parseCount(cleanCell(fields[i]));
        if (r instanceof CellError) issue(r.message, field);
        else record[field] = r;
      }
      for (const [field, i] of odds) {
        const r = parseOdds(cleanCell(fields[i]));
        if (r instanceof CellError) issue(r.message, field);
        else record[field] = r;
      }
      if (!valid) return z.NEVER;

      if (home.id === away.id) issue(`HomeTeam and AwayTeam are the same club (${home.name})`);
      const expected = resultOf(fthg, ftag);
      if (ftr !== expected) issue(`FTR "${ftr}" contradicts the score ${fthg}-${ftag} (expected ${expected})`);
      if ((hthg === null) !== (htag === null)) issue("HTHG and HTAG must both be given or both be empty");
      if (hthg !== null && htag !== null) {
        const ht = resultOf(hthg, htag);
        if (htr !== null && htr !== ht)
          issue(`HTR "${htr}" contradicts the half-time score ${hthg}-${htag} (expected ${ht})`);
        if (hthg > fthg || htag > ftag)
          issue(`half-time score ${hthg}-${htag} exceeds the full-time score ${fthg}-${ftag}`);
      } else if (htr !== null && hthg === null && htag === null) {
        issue(`HTR "${htr}" is given without the half-time goals`);
      }
      const day = Date.UTC(date.year, date.month - 1, date.day);
      if (day < window.start.getTime() || day >= window.end.getTime()) {
        const last = new Date(window.end.getTime() - 86_400_000);
        issue(
          `date ${fmtDate(new Date(day))} is outside season ${seasonLabel(season)} (${fmtDate(window.start)} to ${fmtDate(last)})`,
        );
      }
      if (!valid) return z.NEVER;

      const clock = time ?? DEFAULT_KICKOFF;
      values.season = season;
      values.kickoff = londonLocalToUtc(date.year, date.month, date.day, clock.hour, clock.minute);
      values.kickoffTimeKnown = time !== null;
      values.homeTeamId = home.id;
      values.awayTeamId = away.id;
      values.fthg = fthg;
      values.ftag = ftag;
      values.ftr = ftr;
      values.hthg = hthg;
      values.htag = htag;
      values.htr = htr;
      values.referee = referee;
      return { home, away, values };
    });
}
