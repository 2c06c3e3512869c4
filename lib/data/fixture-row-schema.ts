import { z } from "zod";
import { CellError, resultOf, zCell } from "./cell-parsers";
import { seasonLabel, seasonWindow, type SeasonCode } from "./season-code";
import type { ParsedMatch } from "./season-row-schema";
import type { ResolveTeam, TeamRef } from "./team-resolver";

/** A fixturedownload.com kickoff, "dd/mm/yyyy HH:MM" in UTC. */
const parseUtcKickoff = (v: string): Date | CellError => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/.exec(v);
  if (!m) return new CellError(v === "" ? "is empty" : `"${v}" is not a kickoff (dd/mm/yyyy HH:MM)`);
  const [day, month, year, hour, minute] = m.slice(1).map(Number);
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const real = at.getUTCDate() === day && at.getUTCMonth() === month - 1 && hour < 24 && minute < 60;
  return real ? at : new CellError(`"${v}" is not a real date and time`);
};

/** "2 - 1" when played, "" when not. */
const parseScore = (v: string): { home: number; away: number } | null | CellError => {
  if (v === "") return null;
  const m = /^(\d{1,2})\s*-\s*(\d{1,2})$/.exec(v);
  return m ? { home: Number(m[1]), away: Number(m[2]) } : new CellError(`"${v}" is not a score like "2 - 1"`);
};

const parseRound = (v: string): number | CellError =>
  /^\d{1,2}$/.test(v) && Number(v) >= 1 ? Number(v) : new CellError(`"${v}" is not a round number`);

/** The zod schema of one fixturedownload.com row ("Match Number,Round Number,Date,…,Result"). */
export function createFixtureRowSchema({ season, resolveTeam }: { season: SeasonCode; resolveTeam: ResolveTeam }) {
  const window = seasonWindow(season);
  const team = zCell((v): TeamRef | CellError => {
    if (v === "") return new CellError("is empty");
    return resolveTeam(v) ?? new CellError(`unknown team "${v}" (no such club or alias)`);
  });
  return z
    .object({
      round: zCell(parseRound),
      kickoff: zCell(parseUtcKickoff),
      homeTeam: team,
      awayTeam: team,
      result: zCell(parseScore),
    })
    .superRefine((r, ctx) => {
      if (r.homeTeam.id === r.awayTeam.id) {
        ctx.addIssue({
          code: "custom",
          path: [],
          message: `Home Team and Away Team are the same club (${r.homeTeam.name})`,
        });
      }
      if (r.kickoff < window.start || r.kickoff >= window.end) {
        const day = r.kickoff.toISOString().slice(0, 10);
        ctx.addIssue({ code: "custom", path: [], message: `kickoff ${day} is outside season ${seasonLabel(season)}` });
      }
    })
    .transform((r): ParsedMatch => ({
      home: r.homeTeam,
      away: r.awayTeam,
      values: {
        season,
        kickoff: r.kickoff,
        kickoffTimeKnown: true,
        matchday: r.round,
        homeTeamId: r.homeTeam.id,
        awayTeamId: r.awayTeam.id,
        status: r.result ? "finished" : "scheduled",
        fthg: r.result?.home ?? null,
        ftag: r.result?.away ?? null,
        ftr: r.result ? resultOf(r.result.home, r.result.away) : null,
        source: "fixturedownload",
      },
    }));
}
