import { alias } from "drizzle-orm/pg-core";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { matches, teams } from "@/db/schema";

export interface MatchResult {
  homeTeam: string;
  awayTeam: string;
  homeGoals: number;
  awayGoals: number;
}

export interface LeagueTableRow {
  position: number;
  team: string;
  played: number;
  won: number;
  drawn: number;
  lost: number;
  goalsFor: number;
  goalsAgainst: number;
  goalDifference: number;
  points: number;
}

type Tally = Omit<LeagueTableRow, "position">;

/**
 * A league table from results alone: 3 points a win, 1 a draw; ordered by points, goal
 * difference, goals scored, then name. Points deductions and head-to-head tie-breaks are not in
 * the results, so a table can differ from the official one where they applied.
 */
export function buildLeagueTable(results: readonly MatchResult[]): LeagueTableRow[] {
  const tallies = new Map<string, Tally>();
  const tally = (team: string) => {
    let t = tallies.get(team);
    if (!t) {
      t = { team, played: 0, won: 0, drawn: 0, lost: 0, goalsFor: 0, goalsAgainst: 0, goalDifference: 0, points: 0 };
      tallies.set(team, t);
    }
    return t;
  };
  for (const r of results) {
    const sides: [Tally, number, number][] = [
      [tally(r.homeTeam), r.homeGoals, r.awayGoals],
      [tally(r.awayTeam), r.awayGoals, r.homeGoals],
    ];
    for (const [t, scored, conceded] of sides) {
      t.played += 1;
      t.goalsFor += scored;
      t.goalsAgainst += conceded;
      t.goalDifference = t.goalsFor - t.goalsAgainst;
      if (scored > conceded) t.won += 1;
      else if (scored === conceded) t.drawn += 1;
      else t.lost += 1;
      t.points = 3 * t.won + t.drawn;
    }
  }
  return [...tallies.values()]
    .sort(
      (a, b) =>
        b.points - a.points ||
        b.goalDifference - a.goalDifference ||
        b.goalsFor - a.goalsFor ||
        a.team.localeCompare(b.team),
    )
    .map((t, i) => ({ position: i + 1, ...t }));
}

/** The table of a season rebuilt from its stored finished matches (empty before any result). */
export async function getLeagueTable({ db, season }: { db: Database; season: string }): Promise<LeagueTableRow[]> {
  const home = alias(teams, "home");
  const away = alias(teams, "away");
  const rows = await db
    .select({ homeTeam: home.name, awayTeam: away.name, homeGoals: matches.fthg, awayGoals: matches.ftag })
    .from(matches)
    .innerJoin(home, eq(home.id, matches.homeTeamId))
    .innerJoin(away, eq(away.id, matches.awayTeamId))
    .where(and(eq(matches.season, season), eq(matches.status, "finished")));
  return buildLeagueTable(rows.filter((r): r is MatchResult => r.homeGoals !== null && r.awayGoals !== null));
}
