import { DEFAULT_ELO, EloRatings, eloExpectedHome, type EloParams } from "./elo";
import { isPlayed, resultKnownAt, type FeatureMatch } from "./feature-match";
import { DEFAULT_GOALS_MODEL, GoalsModel, type GoalsForecast, type GoalsModelParams } from "./goals-model";
import { DEFAULT_PI, PiRatings, type PiParams } from "./pi-ratings";
import { seasonStartYear } from "@/lib/data/season-code";
import { TeamForm, type FormSummary } from "./team-form";

const DAY = 86_400_000;
/** Rest is capped: beyond a month it says nothing more (and covers clubs with no earlier match). */
export const MAX_REST_DAYS = 30;

export interface RatingParams {
  elo: EloParams;
  pi: PiParams;
  goals: GoalsModelParams;
}

export const DEFAULT_RATING_PARAMS: RatingParams = { elo: DEFAULT_ELO, pi: DEFAULT_PI, goals: DEFAULT_GOALS_MODEL };

/** What is known about a pairing at a moment: the input of every feature definition. */
export interface MatchContext {
  eloHome: number;
  eloAway: number;
  eloExpectedHome: number;
  piHome: number;
  piAway: number;
  piExpectedGoalDifference: number;
  /** The Dixon-Coles goals model fitted on the results known now; null before it has enough. */
  goals: GoalsForecast | null;
  formHome5: FormSummary;
  formAway5: FormSummary;
  formHome10: FormSummary;
  formAway10: FormSummary;
  restHome: number;
  restAway: number;
  seasonProgress: number;
}

/** League matches per club in a season: 42 in the 22-club seasons 1993/94 and 1994/95, else 38. */
export function gamesPerTeam(season: string): number {
  return season === "9394" || season === "9495" ? 42 : 38;
}

interface Standing {
  points: number;
  goalDifference: number;
  goalsFor: number;
}

/**
 * Replays the league in time order. `advanceTo(t)` applies exactly the results known at time t
 * (see resultKnownAt); `enterSeason` moves the ratings across a season boundary using only the
 * finished season's results; `contextFor` then reads only that state. Kickoff dates of earlier
 * fixtures (before t) are used for rest days and season progress; no row dated at or after the
 * kickoff is read.
 */
export class FeatureEngine {
  private readonly elo: EloRatings;
  private readonly pi: PiRatings;
  private readonly goals: GoalsModel;
  private readonly form = new TeamForm(10);
  private readonly byResultTime: FeatureMatch[];
  private resultCursor = 0;
  /** Kickoff times of every non-postponed match per club, ascending. */
  private readonly kickoffsByTeam = new Map<number, number[]>();
  /** Kickoff times per season and club, ascending. */
  private readonly kickoffsBySeasonTeam = new Map<string, number[]>();
  private readonly standings = new Map<string, Map<number, Standing>>();
  private season: string | null = null;
  private now = -Infinity;

  constructor(
    matches: readonly FeatureMatch[],
    readonly params: RatingParams = DEFAULT_RATING_PARAMS,
  ) {
    this.elo = new EloRatings(params.elo);
    this.pi = new PiRatings(params.pi);
    this.goals = new GoalsModel(params.goals);
    this.byResultTime = matches.filter(isPlayed).sort((a, b) => resultKnownAt(a) - resultKnownAt(b) || a.id - b.id);
    for (const m of matches) {
      if (m.status === "postponed") continue;
      const t = m.kickoff.getTime();
      for (const team of [m.homeTeamId, m.awayTeamId]) {
        push(this.kickoffsByTeam, team, t);
        push(this.kickoffsBySeasonTeam, `${m.season}:${team}`, t);
      }
    }
    for (const list of this.kickoffsByTeam.values()) list.sort((a, b) => a - b);
    for (const list of this.kickoffsBySeasonTeam.values()) list.sort((a, b) => a - b);
  }

  /** Applies every result known at or before `t`, in the order the results became known. */
  advanceTo(t: number): void {
    if (t < this.now) throw new RangeError("the feature engine only moves forward in time");
    this.now = t;
    while (this.resultCursor < this.byResultTime.length && resultKnownAt(this.byResultTime[this.resultCursor]) <= t) {
      this.applyResult(this.byResultTime[this.resultCursor] as FeatureMatch & { fthg: number; ftag: number });
      this.resultCursor += 1;
    }
    this.goals.advanceTo(t);
  }

  /**
   * Crosses into `season` (no-op if already there): ratings of the finished season regress and the
   * bottom three clubs of its table set the rating of promoted clubs.
   */
  enterSeason(season: string): void {
    if (season === this.season) return;
    const table = this.season ? this.standings.get(this.season) : undefined;
    const relegated = table
      ? [...table.entries()]
          .sort(([, a], [, b]) => a.points - b.points || a.goalDifference - b.goalDifference || a.goalsFor - b.goalsFor)
          .slice(0, 3)
          .map(([team]) => team)
      : [];
    this.elo.startSeason(seasonStartYear(season), relegated);
    this.goals.startSeason(seasonStartYear(season), relegated);
    this.season = season;
  }

  /** The state for a pairing at `kickoff` (call advanceTo(kickoff) and enterSeason first). */
  contextFor(home: number, away: number, kickoff: number, season: string): MatchContext {
    const eloHome = this.elo.ratingFor(home);
    const eloAway = this.elo.ratingFor(away);
    const perTeam = gamesPerTeam(season);
    const played = (team: number) => countBefore(this.kickoffsBySeasonTeam.get(`${season}:${team}`), kickoff);
    return {
      eloHome,
      eloAway,
      eloExpectedHome: eloExpectedHome(eloHome, eloAway, this.params.elo),
      piHome: this.pi.homeRating(home),
      piAway: this.pi.awayRating(away),
      piExpectedGoalDifference: this.pi.expectedGoalDifference(home, away),
      goals: this.goals.forecast(home, away),
      formHome5: this.form.summary(home, 5, kickoff),
      formAway5: this.form.summary(away, 5, kickoff),
      formHome10: this.form.summary(home, 10, kickoff),
      formAway10: this.form.summary(away, 10, kickoff),
      restHome: this.restDays(home, kickoff),
      restAway: this.restDays(away, kickoff),
      seasonProgress: Math.min(1, (played(home) + played(away)) / (2 * perTeam)),
    };
  }

  private restDays(team: number, kickoff: number): number {
    const list = this.kickoffsByTeam.get(team);
    const i = countBefore(list, kickoff);
    if (!list || i === 0) return MAX_REST_DAYS;
    return Math.min(MAX_REST_DAYS, (kickoff - list[i - 1]) / DAY);
  }

  private applyResult(m: FeatureMatch & { fthg: number; ftag: number }): void {
    // A result of a later season than the current one cannot be known yet; callers enter seasons in order.
    this.enterSeason(
      this.season === null || seasonStartYear(m.season) > seasonStartYear(this.season) ? m.season : this.season,
    );
    this.elo.update(m.homeTeamId, m.awayTeamId, m.fthg, m.ftag);
    this.pi.update(m.homeTeamId, m.awayTeamId, m.fthg, m.ftag);
    this.goals.add(
      {
        homeTeamId: m.homeTeamId,
        awayTeamId: m.awayTeamId,
        homeGoals: m.fthg,
        awayGoals: m.ftag,
        homeShotsOnTarget: m.homeShotsOnTarget,
        awayShotsOnTarget: m.awayShotsOnTarget,
        homeShots: m.homeShots,
        awayShots: m.awayShots,
        at: resultKnownAt(m),
      },
      seasonStartYear(m.season),
    );
    this.addStanding(m.season, m.homeTeamId, m.fthg, m.ftag);
    this.addStanding(m.season, m.awayTeamId, m.ftag, m.fthg);
    const at = m.kickoff.getTime();
    const points = (gf: number, ga: number) => (gf > ga ? 3 : gf === ga ? 1 : 0);
    this.form.add(m.homeTeamId, {
      at,
      points: points(m.fthg, m.ftag),
      goalsFor: m.fthg,
      goalsAgainst: m.ftag,
      shotsFor: m.homeShots,
      shotsAgainst: m.awayShots,
      shotsOnTargetFor: m.homeShotsOnTarget,
      shotsOnTargetAgainst: m.awayShotsOnTarget,
    });
    this.form.add(m.awayTeamId, {
      at,
      points: points(m.ftag, m.fthg),
      goalsFor: m.ftag,
      goalsAgainst: m.fthg,
      shotsFor: m.awayShots,
      shotsAgainst: m.homeShots,
      shotsOnTargetFor: m.awayShotsOnTarget,
      shotsOnTargetAgainst: m.homeShotsOnTarget,
    });
  }

  private addStanding(season: string, team: number, goalsFor: number, goalsAgainst: number): void {
    const table = this.standings.get(season) ?? new Map<number, Standing>();
    const row = table.get(team) ?? { points: 0, goalDifference: 0, goalsFor: 0 };
    row.points += goalsFor > goalsAgainst ? 3 : goalsFor === goalsAgainst ? 1 : 0;
    row.goalDifference += goalsFor - goalsAgainst;
    row.goalsFor += goalsFor;
    table.set(team, row);
    this.standings.set(season, table);
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Number of values in an ascending list strictly below `t`. */
function countBefore(list: number[] | undefined, t: number): number {
  if (!list) return 0;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
