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
  zCell,
  zCellGroup,
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

const NULL_COUNTS = Object.fromEntries(COUNT_FIELDS.map((f) => [f, null])) as Record<CountField, null>;
const NULL_ODDS = Object.fromEntries(ODDS_FIELDS.map((f) => [f, null])) as Record<OddsField, null>;

const fmtDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The zod schema of one football-data.co.uk row of `season`. Input keys are stored fields (see
 * SEASON_COLUMNS); `counts` and `odds` hold only the columns the file has. Field issues carry a
 * path whose last key is the field (the caller names the column); cross-field issues carry none
 * and a complete message.
 */
export function createSeasonRowSchema({ season, resolveTeam }: { season: SeasonCode; resolveTeam: ResolveTeam }) {
  const window = seasonWindow(season);
  const team = zCell((v): TeamRef | CellError => {
    if (v === "") return new CellError("is empty");
    return resolveTeam(v) ?? new CellError(`unknown team "${v}" (no such club or alias)`);
  });
  const division = zCell((v) => (v === "" || v === "E0" ? v : new CellError(`"${v}" is not E0 (the Premier League)`)));

  return z
    .object({
      division,
      date: zCell(parseDayMonthYear),
      time: zCell(parseClock),
      homeTeam: team,
      awayTeam: team,
      fthg: zCell(parseGoals),
      ftag: zCell(parseGoals),
      ftr: zCell(parseResult),
      hthg: zCell(parseOptionalGoals),
      htag: zCell(parseOptionalGoals),
      htr: zCell(parseOptionalResult),
      referee: zCell(parseText),
      counts: zCellGroup<CountField, number | null>(parseCount),
      odds: zCellGroup<OddsField, number | null>(parseOdds),
    })
    .superRefine((r, ctx) => {
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
    .transform((r): ParsedMatch => {
      const clock = r.time ?? DEFAULT_KICKOFF;
      return {
        home: r.homeTeam,
        away: r.awayTeam,
        values: {
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
          ...NULL_COUNTS,
          ...r.counts,
          ...NULL_ODDS,
          ...r.odds,
          source: "football-data.co.uk",
        },
      };
    });
}

export type SeasonRowInput = z.input<ReturnType<typeof createSeasonRowSchema>>;
