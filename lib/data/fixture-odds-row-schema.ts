import { z } from "zod";
import { CellError, parseClock, parseDayMonthYear, parseOdds, type CellParser } from "./cell-parsers";
import { cleanCell } from "./decode-text";
import { londonLocalToUtc } from "./london-time";
import { seasonOfDate, type SeasonCode } from "./season-code";
import { PRE_MATCH_ODDS_FIELDS, type ColumnSelection, type OddsField, type SeasonField } from "./season-columns";
import type { ResolveTeam, TeamRef } from "./team-resolver";

/** One Premier League fixture of football-data.co.uk's fixtures file, with its pre-match odds. */
export interface FixtureOdds {
  season: SeasonCode;
  kickoff: Date;
  kickoffTimeKnown: boolean;
  home: TeamRef;
  away: TeamRef;
  odds: Partial<Record<OddsField, number | null>>;
}

/** A row of another league: the file holds every league's fixtures; only E0's are ours. */
export const OTHER_DIVISION = Symbol("other division");

/**
 * The zod schema of one data row of the fixtures file (its fields, split by the CSV reader), read
 * through the header's column selection: an E0 row becomes a FixtureOdds (teams resolved, kickoff
 * in UTC from UK time, pre-match odds > 1 or empty), a row of another division OTHER_DIVISION.
 * Field issues name the field; results and closing odds are not read (a fixture has none).
 */
export function createFixtureOddsRowSchema({
  resolveTeam,
  selection,
}: {
  resolveTeam: ResolveTeam;
  selection: Pick<ColumnSelection, "index">;
}) {
  const { index } = selection;
  const team = (v: string): TeamRef | CellError => {
    if (v === "") return new CellError("is empty");
    return resolveTeam(v) ?? new CellError(`unknown team "${v}" (no such club or alias)`);
  };
  const odds = PRE_MATCH_ODDS_FIELDS.filter((f) => index[f] >= 0);
  return z
    .custom<readonly string[]>((v) => Array.isArray(v), { message: "a row must be a list of fields" })
    .transform((fields, ctx): FixtureOdds | typeof OTHER_DIVISION => {
      const cell = (field: SeasonField) => (index[field] < 0 ? "" : cleanCell(fields[index[field]]));
      if (cell("division") !== "E0") return OTHER_DIVISION;
      let valid = true;
      const read = <T>(field: SeasonField, parse: CellParser<T>): T => {
        const r = parse(cell(field));
        if (r instanceof CellError) {
          valid = false;
          ctx.addIssue({ code: "custom", message: r.message, path: [field] });
        }
        return r as T;
      };
      const date = read("date", parseDayMonthYear);
      const time = read("time", parseClock);
      const home = read("homeTeam", team);
      const away = read("awayTeam", team);
      const prices = Object.fromEntries(odds.map((f) => [f, read(f, parseOdds)]));
      if (!valid) return z.NEVER;
      if (home.id === away.id) {
        ctx.addIssue({ code: "custom", message: `HomeTeam and AwayTeam are the same club (${home.name})` });
        return z.NEVER;
      }
      const clock = time ?? { hour: 15, minute: 0 };
      const kickoff = londonLocalToUtc(date.year, date.month, date.day, clock.hour, clock.minute);
      return { season: seasonOfDate(kickoff), kickoff, kickoffTimeKnown: time !== null, home, away, odds: prices };
    });
}
