import { fitDixonColes, type WeightedResults } from "@/lib/model/dixon-coles/fit-dixon-coles";
import { outcomeProbabilities } from "@/lib/model/dixon-coles/score-probabilities";
import type { Probabilities } from "@/lib/model/metrics";

const DAY = 86_400_000;
// Days run from 06:00 UTC: after every evening result and every date-only result (known 03:00 UK).
const DAY_START = 6 * 3_600_000;
const dayOf = (t: number) => Math.floor((t - DAY_START) / DAY);

export interface GoalsModelParams {
  /** Exponential down-weighting of older results, per day (Dixon & Coles' xi). */
  xi: number;
  /** Ridge precision on attack and defence strengths. */
  priorPrecision: number;
  /** Results whose weight fell below this leave the fit. */
  minWeight: number;
  /** Less total weight than this: no forecast (the first season of the data). */
  minResults: number;
  /** Fisher-scoring iterations per daily refit, from the previous day's fit. */
  warmIterations: number;
  /**
   * Shares of each side's fitted rate that come from its shots on target and from its shots (each
   * scaled to goals by the window's goals per shot) rather than its goals; both 0 is Dixon-Coles
   * on goals alone. Shots say more about a side's strength than its few goals do.
   */
  shotsOnTargetShare: number;
  shotsShare: number;
}

/** Chosen by the goals model's own RPS on 2020/21-2022/23 (before the test window); see the README. */
export const DEFAULT_GOALS_MODEL: GoalsModelParams = {
  xi: 0.004,
  priorPrecision: 2,
  minWeight: 0.02,
  minResults: 150,
  warmIterations: 1,
  shotsOnTargetShare: 0.3,
  shotsShare: 0.2,
};

/** The goals model's forecast of a pairing: H/D/A probabilities and each side's expected goals. */
export interface GoalsForecast {
  probabilities: Probabilities;
  expectedHome: number;
  expectedAway: number;
}

export interface KnownResult {
  homeTeamId: number;
  awayTeamId: number;
  homeGoals: number;
  awayGoals: number;
  homeShotsOnTarget: number | null;
  awayShotsOnTarget: number | null;
  homeShots: number | null;
  awayShots: number | null;
  /** When the result became known (ms). */
  at: number;
}

/**
 * A time-weighted Dixon-Coles model kept as of "now". Results are added as they become known; a
 * fit takes in every result known before the start of the current day (one fit per day that
 * brought results, warm-started from the day before), so a forecast never depends on which
 * kickoffs were asked for, and never sees a result of its own day. Weights are relative to the
 * newest result in the fit.
 */
export class GoalsModel {
  private readonly known: KnownResult[] = [];
  private first = 0;
  /** Team id -> its index in `attack`, `defence`, `lastSeason`. */
  private readonly index = new Map<number, number>();
  private attack: number[] = [];
  private defence: number[] = [];
  /** Season start year of each club's last known result. */
  private lastSeason: number[] = [];
  private active: boolean[] = [];
  private intercept = Math.log(1.35);
  private home = 0.25;
  private rho = -0.05;
  private season = -Infinity;
  private newcomer = { attack: -0.2, defence: -0.2 };
  private dirty = false;
  private fitted = false;

  constructor(readonly params: GoalsModelParams = DEFAULT_GOALS_MODEL) {}

  /** A result that became known at `result.at`; results arrive in the order they became known. */
  add(result: KnownResult, seasonStartYear: number): void {
    this.advanceTo(result.at);
    this.known.push(result);
    this.lastSeason[this.teamIndex(result.homeTeamId)] = seasonStartYear;
    this.lastSeason[this.teamIndex(result.awayTeamId)] = seasonStartYear;
    this.dirty = true;
  }

  /** A new season: clubs that were not in the last one start from the relegated clubs' mean strengths. */
  startSeason(seasonStartYear: number, relegated: readonly number[]): void {
    // The last season's pending fit first, so that it never depends on when the season was entered.
    if (this.dirty) this.refit();
    const fitted = relegated.map((t) => this.index.get(t)).filter((i): i is number => i !== undefined);
    if (this.fitted && fitted.length) {
      const mean = (v: number[]) => fitted.reduce((s, i) => s + v[i], 0) / fitted.length;
      this.newcomer = { attack: mean(this.attack), defence: mean(this.defence) };
    }
    this.season = seasonStartYear;
  }

  /** Moves the clock to `t`, refitting when a day with new results lies behind it. */
  advanceTo(t: number): void {
    const last = this.known[this.known.length - 1];
    if (this.dirty && last && dayOf(t) > dayOf(last.at)) this.refit();
  }

  /** The forecast of the current fit (advance to the kickoff first); null before there are enough results. */
  forecast(homeTeamId: number, awayTeamId: number): GoalsForecast | null {
    if (!this.fitted) return null;
    const attack = (team: number) => this.strength(team, this.attack, this.newcomer.attack);
    const defence = (team: number) => this.strength(team, this.defence, this.newcomer.defence);
    const lambda = Math.exp(this.intercept + this.home + attack(homeTeamId) - defence(awayTeamId));
    const mu = Math.exp(this.intercept + attack(awayTeamId) - defence(homeTeamId));
    return { probabilities: outcomeProbabilities(lambda, mu, this.rho), expectedHome: lambda, expectedAway: mu };
  }

  private strength(team: number, values: number[], newcomer: number): number {
    const i = this.index.get(team);
    if (i !== undefined && this.active[i]) return values[i];
    return this.priorMean(i, newcomer);
  }

  /** Clubs of last season's league are pulled towards the average (0), others towards a promoted club. */
  private priorMean(i: number | undefined, newcomer: number): number {
    return i !== undefined && this.lastSeason[i] >= this.season - 1 ? 0 : newcomer;
  }

  private teamIndex(team: number): number {
    let i = this.index.get(team);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(team, i);
      this.attack.push(NaN);
      this.defence.push(NaN);
      this.lastSeason.push(-Infinity);
      this.active.push(false);
    }
    return i;
  }

  /** What a side's rate is fitted to: its goals, smoothed with its shots where the data have them. */
  private rateTarget(): (goals: number, onTarget: number | null, shots: number | null) => number {
    let [goalsA, onTargetA, goalsB, shotsB] = [0, 0, 0, 0];
    for (let k = this.first; k < this.known.length; k++) {
      const r = this.known[k];
      if (r.homeShotsOnTarget !== null && r.awayShotsOnTarget !== null) {
        goalsA += r.homeGoals + r.awayGoals;
        onTargetA += r.homeShotsOnTarget + r.awayShotsOnTarget;
      }
      if (r.homeShots !== null && r.awayShots !== null) {
        goalsB += r.homeGoals + r.awayGoals;
        shotsB += r.homeShots + r.awayShots;
      }
    }
    const perOnTarget = onTargetA > 0 ? goalsA / onTargetA : 0;
    const perShot = shotsB > 0 ? goalsB / shotsB : 0;
    return (goals, onTarget, shots) => {
      const a = onTarget !== null && perOnTarget > 0 ? this.params.shotsOnTargetShare : 0;
      const b = shots !== null && perShot > 0 ? this.params.shotsShare : 0;
      return (1 - a - b) * goals + a * perOnTarget * (onTarget ?? 0) + b * perShot * (shots ?? 0);
    };
  }

  private refit(): void {
    this.dirty = false;
    const { xi, minWeight } = this.params;
    const now = this.known[this.known.length - 1].at;
    const weightOf = (r: KnownResult) => Math.exp((-xi * (now - r.at)) / DAY);
    while (this.first < this.known.length && weightOf(this.known[this.first]) < minWeight) this.first += 1;
    const n = this.known.length - this.first;
    // Clubs with a result in the window, numbered 0..teams-1 for the fit.
    const local = new Int32Array(this.index.size).fill(-1);
    const clubs: number[] = [];
    const results: WeightedResults = {
      length: n,
      home: new Int32Array(n),
      away: new Int32Array(n),
      homeGoals: new Int32Array(n),
      awayGoals: new Int32Array(n),
      homeTarget: new Float64Array(n),
      awayTarget: new Float64Array(n),
      weight: new Float64Array(n),
    };
    const target = this.rateTarget();
    let total = 0;
    for (let k = 0; k < n; k++) {
      const r = this.known[this.first + k];
      const [h, a] = [this.index.get(r.homeTeamId)!, this.index.get(r.awayTeamId)!];
      if (local[h] < 0) local[h] = clubs.push(h) - 1;
      if (local[a] < 0) local[a] = clubs.push(a) - 1;
      results.home[k] = local[h];
      results.away[k] = local[a];
      results.homeGoals[k] = r.homeGoals;
      results.awayGoals[k] = r.awayGoals;
      results.homeTarget[k] = target(r.homeGoals, r.homeShotsOnTarget, r.homeShots);
      results.awayTarget[k] = target(r.awayGoals, r.awayShotsOnTarget, r.awayShots);
      results.weight[k] = weightOf(r);
      total += results.weight[k];
    }
    if (total < this.params.minResults) return;
    const priorAttack = Float64Array.from(clubs, (i) => this.priorMean(i, this.newcomer.attack));
    const priorDefence = Float64Array.from(clubs, (i) => this.priorMean(i, this.newcomer.defence));
    const warm = (v: number[], prior: Float64Array) =>
      Float64Array.from(clubs, (i, j) => (Number.isFinite(v[i]) ? v[i] : prior[j]));
    const fit = fitDixonColes(
      results,
      {
        attack: warm(this.attack, priorAttack),
        defence: warm(this.defence, priorDefence),
        intercept: this.intercept,
        home: this.home,
        rho: this.rho,
      },
      {
        priorPrecision: this.params.priorPrecision,
        priorAttack,
        priorDefence,
        // Each day's fit moves on from the day before's; the first one converges from scratch.
        maxIterations: this.fitted ? this.params.warmIterations : 50,
        tolerance: 1e-6,
      },
    );
    this.active.fill(false);
    clubs.forEach((i, j) => {
      this.attack[i] = fit.attack[j];
      this.defence[i] = fit.defence[j];
      this.active[i] = true;
    });
    this.intercept = fit.intercept;
    this.home = fit.home;
    this.rho = fit.rho;
    this.fitted = true;
  }
}
