export interface PiParams {
  /** Learning rate of the rating at the venue of the match. */
  lambda: number;
  /** Share of that change carried over to the other venue's rating. */
  gamma: number;
}

// Constantinou & Fenton (2013), "Determining the level of ability of football teams by dynamic ratings".
export const DEFAULT_PI: PiParams = { lambda: 0.035, gamma: 0.7 };

/** Expected goal difference implied by one pi-rating (ratings live on a log10 scale, base 3). */
function expectedGoals(rating: number): number {
  const g = 10 ** (Math.abs(rating) / 3) - 1;
  return rating < 0 ? -g : g;
}

/** Each club has a home and an away rating in goal units; updated in kickoff order. */
export class PiRatings {
  private readonly home = new Map<number, number>();
  private readonly away = new Map<number, number>();
  constructor(readonly params: PiParams = DEFAULT_PI) {}

  homeRating(team: number): number {
    return this.home.get(team) ?? 0;
  }

  awayRating(team: number): number {
    return this.away.get(team) ?? 0;
  }

  /** Expected goal difference (home minus away) of a match. */
  expectedGoalDifference(homeTeam: number, awayTeam: number): number {
    return expectedGoals(this.homeRating(homeTeam)) - expectedGoals(this.awayRating(awayTeam));
  }

  update(homeTeam: number, awayTeam: number, homeGoals: number, awayGoals: number): void {
    const error = homeGoals - awayGoals - this.expectedGoalDifference(homeTeam, awayTeam);
    const psi = Math.sign(error) * 3 * Math.log10(1 + Math.abs(error));
    const { lambda, gamma } = this.params;
    const hh = this.homeRating(homeTeam) + psi * lambda;
    this.home.set(homeTeam, hh);
    this.away.set(homeTeam, this.awayRating(homeTeam) + psi * lambda * gamma);
    this.away.set(awayTeam, this.awayRating(awayTeam) - psi * lambda);
    this.home.set(awayTeam, this.homeRating(awayTeam) - psi * lambda * gamma);
  }
}
