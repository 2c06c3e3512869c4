import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { runEtl } from "@/lib/data/run-etl";
import { buildFeatureRows, type FeatureRow } from "@/lib/features/build-features";
import { FEATURE_NAMES } from "@/lib/features/feature-definitions";
import { resultKnownAt, type FeatureMatch } from "@/lib/features/feature-match";
import { PairingFeatures } from "@/lib/features/features-as-of";
import { loadFeatureMatches } from "@/lib/features/load-feature-matches";
import { createTestDatabase } from "../helpers/test-database";

// The goals model's features on the real bundled seasons 2021/22 to 2023/24.
let handle: DatabaseHandle;
let league: FeatureMatch[];
let baseline: Map<number, FeatureRow>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await runEtl({ db: handle.db, seasons: ["2122", "2223", "2324"], fixtures: false });
  league = (await loadFeatureMatches({ db: handle.db })).filter((m) => m.status === "finished");
  baseline = new Map(buildFeatureRows(league).map((r) => [r.matchId, r]));
}, 180_000);
afterAll(() => handle?.close());

const GOALS = FEATURE_NAMES.flatMap((name, i) => (name.startsWith("dc_") ? [i] : []));
const goalsOf = (row: FeatureRow) => GOALS.map((i) => row.values[i]);
const same = (a: number[], b: number[]) => a.every((x, i) => Object.is(x, b[i]));
const DAY = 86_400_000;
// The goals model's days start at 06:00 UTC.
const nextDayStart = (t: number) => Math.floor((t - 6 * 3_600_000) / DAY + 1) * DAY + 6 * 3_600_000;

describe("goals model features", () => {
  it("has the five features and fits once enough results are known", () => {
    expect(GOALS).toHaveLength(5);
    const rows = [...baseline.values()];
    const fitted = rows.filter((r) => goalsOf(r).every(Number.isFinite));
    // The first ~4 months of 2021/22 are not enough results for the minimum weight; 2022/23 on all are.
    expect(fitted.length).toBeGreaterThan(900);
    for (const r of fitted) expect(r.values[GOALS[0]] + r.values[GOALS[1]] + r.values[GOALS[2]]).toBeCloseTo(1, 9);
  });

  it("a match's own result changes none of its goals-model features; later days' features move", () => {
    const sample = league.filter((m, i) => i % 83 === 50 && goalsOf(baseline.get(m.id)!).every(Number.isFinite));
    expect(sample.length).toBeGreaterThan(5);
    let laterChanged = 0;
    for (const target of sample) {
      const changed = league.map((m) =>
        m.id === target.id
          ? { ...m, fthg: (m.fthg! + 4) % 7, ftag: (m.ftag! + 2) % 5, homeShotsOnTarget: 25, awayShotsOnTarget: 0 }
          : m,
      );
      const firstSeeing = nextDayStart(resultKnownAt(target));
      for (const row of buildFeatureRows(changed)) {
        if (same(goalsOf(row), goalsOf(baseline.get(row.matchId)!))) continue;
        // Only matches of a later day than the one the result became known on.
        expect(row.kickoff.getTime()).toBeGreaterThanOrEqual(firstSeeing);
        laterChanged += 1;
      }
      const own = buildFeatureRows(changed).find((r) => r.matchId === target.id)!;
      expect(same(goalsOf(own), goalsOf(baseline.get(target.id)!))).toBe(true);
    }
    expect(laterChanged).toBeGreaterThan(sample.length * 100);
  });

  it("gives a single-match request the same values as the batch, whatever else was asked before", () => {
    const features = new PairingFeatures(league);
    for (const m of league.filter((_, i) => i % 211 === 100)) {
      const values = features.vector({
        homeTeamId: m.homeTeamId,
        awayTeamId: m.awayTeamId,
        kickoff: m.kickoff,
        season: m.season,
        market: null,
      });
      expect(
        same(
          GOALS.map((i) => values[i]),
          goalsOf(baseline.get(m.id)!),
        ),
      ).toBe(true);
    }
  });
});
