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
  zCellGroup,
  zCells,
} from "./cell-parsers";
import { londonLocalToUtc } from "./london-time";
import { seasonLabel, seasonWindow, type SeasonCode } from "./season-code";
import { COUNT_FIELDS, ODDS_FIELDS, type CountField, type OddsField } from "./season-columns";
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

/**
 * The zod schema of one football-data.co.uk row of `season`. Input: `cells` keyed by stored
 * field (see SEASON_COLUMNS), plus `counts` and `odds` holding only the columns the file has.
 * Cells are validated a group per schema run (a row is ~40 cells; one run each was the ETL's
 * largest cost). Field issues carry a path whose last key is the field (the caller names the
 * column); cross-field issues carry none and a complete message.
 */
export function createSeasonRowSchema({ season, resolveTeam }: { season: SeasonCode; resolveTeam: ResolveTeam }) {
  const window = seasonWindow(season);
  const team = (v: string): TeamRef | CellError => {
    if (v === "") return new CellError("is empty");
    return resolveTeam(v) ?? new CellError(`unknown team "${v}" (no such club or alias)`);
  };
  const division = (v: string) => (v === "" || v === "E0" ? v : new CellError(`"${v}" is not E0 (the Premier League)`));

  return z
    .object({
      cells: zCells({
        division,
        date: parseDayMonthYear,
        time: parseClock,
        homeTeam: team,
        awayTeam: team,
        fthg: parseGoals,
        ftag: parseGoals,
        ftr: parseResult,
        hthg: parseOptionalGoals,
        htag: parseOptionalGoals,
        htr: parseOptionalResult,
        referee: parseText,
      }),
      counts: zCellGroup<CountField, number | null>(parseCount),
      odds: zCellGroup<OddsField, number | null>(parseOdds),
    })
    .superRefine(({ cells: r }, ctx) => {
      const fail = (message: string) => ctx.addIssue({ code: "custom", message, path: [] });
      if (r.homeTeam.id === r.awayTeam.id) fail(`HomeTeam and AwayTeam are the same club (${r.homeTeam.name})`);
      const expected = resultOf(r.fthg, r.ftag);
      if (r.ftr !== expected) fail(`FTR "${r.ftr}" contradicts the score ${r.fthg}-${r.ftag} (expected ${expected})`);
      if ((r.hthg === null) !== (r.htag === null)) fail("HTHG and HTAG must both be given or both be empty");
      if (r.hthg !== null && r.htag !== null) {
        const ht = resultOf(r.hthg, r.htag);
        if (r.htr !== null && r.htr !== ht) {
          fail(`HTR "${r.htr}" contradicts the half-time score ${r.hthg}-${r.htag} (expected ${ht})`);
        }
        if (r.hthg > r.fthg || r.htag > r.ftag) {
          fail(`half-time score ${r.hthg}-${r.htag} exceeds the full-time score ${r.fthg}-${r.ftag}`);
        }
      } else if (r.htr !== null && r.hthg === null && r.htag === null) {
        fail(`HTR "${r.htr}" is given without the half-time goals`);
      }
      const day = new Date(Date.UTC(r.date.year, r.date.month - 1, r.date.day));
      if (day < window.start || day >= window.end) {
        const last = new Date(window.end.getTime() - 86_400_000);
        fail(`date ${fmtDate(day)} is outside season ${seasonLabel(season)} (${fmtDate(window.start)} to ${fmtDate(last)})`);
      }
    })
    .transform(({ cells: r, counts, odds }): ParsedMatch => {
      const clock = r.time ?? DEFAULT_KICKOFF;
      const values: MatchValues = {
        season,
        kickoff: londonLocalToUtc(r.date.year, r.date.month, r.date.day, clock.hour, clock.minute),
        kickoffTimeKnown: r.time !== null,
        homeTeamId: r.homeTeam.id,
        awayTeamId: r.awayTeam.id,
        status: "finished",
        fthg: r.fthg,
        ftag: r.ftag,
        ftr: r.ftr,
        hthg: r.hthg,
        htag: r.htag,
        htr: r.htr,
        referee: r.referee,
        source: "football-data.co.uk",
      };
      // Every count and odds field in the same order on every row (one object shape), null when
      // the file lacks the column.
      const record = values as Record<string, unknown>;
      for (const f of COUNT_FIELDS) record[f] = counts[f] ?? null;
      for (const f of ODDS_FIELDS) record[f] = odds[f] ?? null;
      return { home: r.homeTeam, away: r.awayTeam, values };
    });
}

export type SeasonRowInput = z.input<ReturnType<typeof createSeasonRowSchema>>;
