/** One earlier league match from one club's point of view. */
export interface FormEntry {
  at: number; // kickoff, ms since epoch
  points: number;
  goalsFor: number;
  goalsAgainst: number;
  shotsFor: number | null;
  shotsAgainst: number | null;
  shotsOnTargetFor: number | null;
  shotsOnTargetAgainst: number | null;
}

export interface FormSummary {
  matches: number;
  points: number;
  goalsFor: number;
  goalsAgainst: number;
  shotsFor: number;
  shotsAgainst: number;
  shotsOnTargetFor: number;
  shotsOnTargetAgainst: number;
}

const DAY = 86_400_000;
/** Matches older than this are not "form" any more (a club back after relegation starts afresh). */
export const FORM_MAX_AGE_DAYS = 200;

/** The last matches of every club, newest last; fed in kickoff order. */
export class TeamForm {
  private readonly history = new Map<number, FormEntry[]>();
  constructor(private readonly keep = 10) {}

  add(team: number, entry: FormEntry): void {
    const list = this.history.get(team) ?? [];
    list.push(entry);
    if (list.length > this.keep) list.shift();
    this.history.set(team, list);
  }

  /**
   * Per-match means over the club's last `n` matches played before `at` and within
   * FORM_MAX_AGE_DAYS of it; NaN fields when there are none (or no shot data).
   */
  summary(team: number, n: number, at: number): FormSummary {
    const recent = (this.history.get(team) ?? [])
      .filter((e) => e.at < at && at - e.at <= FORM_MAX_AGE_DAYS * DAY)
      .slice(-n);
    const mean = (pick: (e: FormEntry) => number | null) => {
      const values = recent.map(pick).filter((v): v is number => v !== null);
      return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
    };
    return {
      matches: recent.length,
      points: mean((e) => e.points),
      goalsFor: mean((e) => e.goalsFor),
      goalsAgainst: mean((e) => e.goalsAgainst),
      shotsFor: mean((e) => e.shotsFor),
      shotsAgainst: mean((e) => e.shotsAgainst),
      shotsOnTargetFor: mean((e) => e.shotsOnTargetFor),
      shotsOnTargetAgainst: mean((e) => e.shotsOnTargetAgainst),
    };
  }
}
