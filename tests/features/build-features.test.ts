import { describe, expect, it } from "vitest";
import { buildFeatureRows, type FeatureRow } from "@/lib/features/build-features";
import { FEATURE_NAMES, FEATURES } from "@/lib/features/feature-definitions";
import type { FeatureMatch } from "@/lib/features/feature-match";
import { prng, syntheticLeague } from "./synthetic-league";

const league = syntheticLeague();
const baseline = buildFeatureRows(league);
const byId = (rows: FeatureRow[]) => new Map(rows.map((r) => [r.matchId, r]));
const baselineById = byId(baseline);

function featuresOf(matches: FeatureMatch[], id: number): number[] {
  const row = buildFeatureRows(matches).find((r) => r.matchId === id);
  if (!row) throw new Error(`no row for match ${id}`);
  return Array.from(row.values);
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  return Array.from(a).every((x, i) => Object.is(x, b[i]));
}

/** Rewrites everything a match's result could leak: goals, statistics, odds stay (they are pre-match). */
function rewriteResult(m: FeatureMatch, random: () => number): FeatureMatch {
  return {
    ...m,
    fthg: Math.floor(random() * 6),
    ftag: Math.floor(random() * 6),
    homeShots: Math.floor(random() * 30),
    awayShots: Math.floor(random() * 30),
    homeShotsOnTarget: Math.floor(random() * 10),
    awayShotsOnTarget: Math.floor(random() * 10),
  };
}

describe("feature definitions", () => {
  it("defines each feature once with an as-of rule", () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURES.length);
    for (const f of FEATURES) expect(f.asOf.length).toBeGreaterThan(10);
  });
});

describe("no leakage", () => {
  it("changing a match's result, goals or statistics changes none of its own features, only later ones", () => {
    const random = prng(99);
    let laterChanged = 0;
    for (const target of league.filter((_, i) => i % 5 === 2)) {
      const changed = league.map((m) => (m.id === target.id ? rewriteResult(m, random) : m));
      const rows = byId(buildFeatureRows(changed));
      expect(sameValues(rows.get(target.id)!.values, baselineById.get(target.id)!.values)).toBe(true);
      for (const m of league) {
        const before = baselineById.get(m.id)!.values;
        const after = rows.get(m.id)!.values;
        if (!sameValues(before, after)) {
          expect(m.kickoff.getTime()).toBeGreaterThan(target.kickoff.getTime());
          laterChanged += 1;
        }
      }
    }
    // The test is only meaningful if results do flow into later matches' features.
    expect(laterChanged).toBeGreaterThan(50);
  });

  it("never reads a row dated at or after the kickoff: removing them changes nothing", () => {
    for (const target of league.filter((_, i) => i % 7 === 3)) {
      const visible = league.filter((m) => m.id === target.id || m.kickoff.getTime() < target.kickoff.getTime());
      expect(featuresOf(visible, target.id)).toEqual(Array.from(baselineById.get(target.id)!.values));
    }
  });

  it("the first match of a season reads only earlier seasons", () => {
    const first = league
      .filter((m) => m.season === "2324")
      .sort((a, b) => a.kickoff.getTime() - b.kickoff.getTime())[0];
    const earlier = league.filter((m) => m.season === "2223");
    expect(featuresOf([...earlier, first], first.id)).toEqual(Array.from(baselineById.get(first.id)!.values));
    const rewritten = league.map((m) => (m.season === "2324" && m.id !== first.id ? rewriteResult(m, prng(5)) : m));
    expect(featuresOf(rewritten, first.id)).toEqual(Array.from(baselineById.get(first.id)!.values));
  });

  it("same-day matches without kickoff times do not see each other's results", () => {
    const day = league.filter((m) => m.season === "2223" && m.kickoff.getTime() === league[3].kickoff.getTime());
    expect(day.length).toBe(3);
    const changed = league.map((m) => (m.id === day[0].id ? rewriteResult(m, prng(3)) : m));
    for (const other of day.slice(1)) {
      expect(featuresOf(changed, other.id)).toEqual(Array.from(baselineById.get(other.id)!.values));
    }
  });

  it("a timed match sees a result only two hours after that match kicked off", () => {
    const t0 = Date.UTC(2024, 0, 6, 12, 30);
    const base = league[0];
    const m = (id: number, home: number, away: number, minutes: number, goals: [number, number]): FeatureMatch => ({
      ...base,
      id,
      season: "2324",
      kickoffTimeKnown: true,
      kickoff: new Date(t0 + minutes * 60_000),
      homeTeamId: home,
      awayTeamId: away,
      fthg: goals[0],
      ftag: goals[1],
    });
    const early = (goals: [number, number]) => m(1, 1, 2, 0, goals);
    const at1630 = m(2, 1, 3, 240 - 60, [0, 0]); // 15:30: 3 h after 12:30 → sees the result
    const at1400 = m(3, 2, 4, 90, [0, 0]); // 14:00: 1.5 h after → does not
    const run = (goals: [number, number]) => byId(buildFeatureRows([early(goals), at1630, at1400]));
    const a = run([5, 0]);
    const b = run([0, 5]);
    expect(sameValues(a.get(3)!.values, b.get(3)!.values)).toBe(true);
    expect(sameValues(a.get(2)!.values, b.get(2)!.values)).toBe(false);
  });
});

describe("values", () => {
  it("uses the match's own pre-match odds without the margin", () => {
    const m = league[10];
    const row = baselineById.get(m.id)!;
    const inv = [1 / m.b365H!, 1 / m.b365D!, 1 / m.b365A!];
    const total = inv[0] + inv[1] + inv[2];
    const col = (name: string) => FEATURE_NAMES.indexOf(name);
    expect(row.values[col("market_home")]).toBeCloseTo(inv[0] / total, 12);
    expect(row.values[col("market_draw")]).toBeCloseTo(inv[1] / total, 12);
    expect(row.values[col("market_away")]).toBeCloseTo(inv[2] / total, 12);
  });

  it("starts everyone at 1500 and moves Elo by k x margin x (result - expectation)", () => {
    const base = league[0];
    const day = 86_400_000;
    const m1 = {
      ...base,
      id: 1,
      homeTeamId: 1,
      awayTeamId: 2,
      fthg: 2,
      ftag: 0,
      kickoff: new Date(base.kickoff.getTime()),
    };
    const m2 = { ...base, id: 2, homeTeamId: 1, awayTeamId: 3, kickoff: new Date(base.kickoff.getTime() + 7 * day) };
    const m3 = { ...base, id: 3, homeTeamId: 3, awayTeamId: 2, kickoff: new Date(base.kickoff.getTime() + 7 * day) };
    const rows = byId(buildFeatureRows([m1, m2, m3]));
    const col = (name: string) => FEATURE_NAMES.indexOf(name);
    expect(rows.get(1)!.values[col("elo_home")]).toBe(1500);
    // Expected home score with 65 points of home advantage; a two-goal win multiplies k by 1.5.
    const expected = 1 / (1 + 10 ** (-65 / 400));
    const delta = 20 * 1.5 * (1 - expected);
    expect(rows.get(2)!.values[col("elo_home")]).toBeCloseTo(1500 + delta, 10);
    expect(rows.get(3)!.values[col("elo_away")]).toBeCloseTo(1500 - delta, 10);
    expect(rows.get(3)!.values[col("elo_home")]).toBe(1500);
  });

  it("labels finished matches and leaves NaN where form has no history", () => {
    expect(baseline.every((r) => r.outcome !== null)).toBe(true);
    const first = baseline[0];
    expect(Number.isNaN(first.values[FEATURE_NAMES.indexOf("form5_points_home")])).toBe(true);
    expect(first.values[FEATURE_NAMES.indexOf("rest_days_home")]).toBe(30);
  });
});
