export interface EloParams {
  /** Rating of every club in the first season of the data. */
  initial: number;
  /** Update step for a one-goal result. */
  k: number;
  /** Rating points added to the home side when computing expectations. */
  homeAdvantage: number;
  /** Share of the distance to `initial` removed between seasons (0 = none, 1 = all). */
  seasonRegression: number;
  /** Rating of a promoted club when no relegated club gives one. */
  promotedPrior: number;
}

export const DEFAULT_ELO: EloParams = {
  initial: 1500,
  k: 20,
  homeAdvantage: 65,
  seasonRegression: 0.2,
  promotedPrior: 1420,
};

/** Expected score (win = 1, draw = 0.5) of the home side, home advantage included. */
export function eloExpectedHome(home: number, away: number, params: EloParams): number {
  return 1 / (1 + 10 ** ((away - (home + params.homeAdvantage)) / 400));
}

/** eloratings.net's margin multiplier: 1 for a draw or one goal, 1.5 for two, 1.75 + (n-3)/8 beyond. */
export function marginMultiplier(goalDifference: number): number {
  const n = Math.abs(goalDifference);
  if (n <= 1) return 1;
  if (n === 2) return 1.5;
  return 1.75 + (n - 3) / 8;
}

/**
 * Elo ratings of clubs, changed only by `update` (a result) and `startSeason`, in time order.
 * A club new to the league starts from the promoted-club rating (mean of last season's relegated
 * clubs); a club back after a gap starts halfway between its own last rating and that.
 */
export class EloRatings {
  private readonly ratings = new Map<number, number>();
  private readonly lastSeason = new Map<number, number>();
  private season = -1;
  private promoted: number;

  constructor(readonly params: EloParams = DEFAULT_ELO) {
    this.promoted = params.initial;
  }

  /** The rating a club takes into a match of the current season. */
  ratingFor(team: number): number {
    const own = this.ratings.get(team);
    const last = this.lastSeason.get(team);
    if (own === undefined) return this.promoted;
    if (last !== undefined && last < this.season - 1) return (own + this.promoted) / 2;
    return own;
  }

  /** Applies one played match of the current season. */
  update(home: number, away: number, homeGoals: number, awayGoals: number): void {
    const rh = this.ratingFor(home);
    const ra = this.ratingFor(away);
    const expected = eloExpectedHome(rh, ra, this.params);
    const actual = homeGoals > awayGoals ? 1 : homeGoals === awayGoals ? 0.5 : 0;
    const delta = this.params.k * marginMultiplier(homeGoals - awayGoals) * (actual - expected);
    this.ratings.set(home, rh + delta);
    this.ratings.set(away, ra - delta);
    this.lastSeason.set(home, this.season);
    this.lastSeason.set(away, this.season);
  }

  /**
   * Moves to season `startYear`: clubs of the season just ended are regressed toward `initial`;
   * `relegated` (last season's bottom clubs) set the promoted-club rating. The first season of the
   * data starts everyone at `initial`.
   */
  startSeason(startYear: number, relegated: readonly number[]): void {
    const previous = this.season;
    this.season = startYear;
    if (previous < 0) return;
    const r = this.params.seasonRegression;
    const relegatedRatings = relegated.map((t) => this.ratings.get(t)).filter((x): x is number => x !== undefined);
    this.promoted = relegatedRatings.length
      ? relegatedRatings.reduce((a, b) => a + b, 0) / relegatedRatings.length
      : this.params.promotedPrior;
    for (const [team, rating] of this.ratings) {
      if (this.lastSeason.get(team) === previous) this.ratings.set(team, rating + r * (this.params.initial - rating));
    }
  }
}
