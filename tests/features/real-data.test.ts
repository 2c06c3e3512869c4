import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { runEtl } from "@/lib/data/run-etl";
import { buildFeatureRows, type FeatureRow } from "@/lib/features/build-features";
import { FEATURE_NAMES } from "@/lib/features/feature-definitions";
import type { FeatureMatch } from "@/lib/features/feature-match";
import { loadFeatureMatches } from "@/lib/features/load-feature-matches";
import { realFeatureMatrix } from "@/lib/features/real-feature-matrix";
import { withTestDatabase } from "../helpers/with-test-database";
import { compareEngines } from "../model/compare-engines";

// The leakage rules on the real bundled seasons (2021/22 to 2023/24: dates with kickoff times,
// promoted clubs, statistics and odds), and the forest against ml-random-forest on the real matrix.
const ctx = withTestDatabase();
let league: FeatureMatch[];
let baseline: Map<number, FeatureRow>;

beforeAll(async () => {
  await runEtl({ db: ctx.handle.db, seasons: ["2122", "2223", "2324"], fixtures: false });
  league = (await loadFeatureMatches({ db: ctx.handle.db })).filter((m) => m.status === "finished");
  baseline = new Map(buildFeatureRows(league).map((r) => [r.matchId, r]));
}, 180_000);

const same = (a: Float64Array, b: Float64Array) => Array.from(a).every((x, i) => Object.is(x, b[i]));

describe("features on the real data", () => {
  it("loads three seasons of 380 matches", () => {
    expect(league).toHaveLength(1140);
  });

  it("a match's own result, goals and statistics never move its features; later ones move", () => {
    const sample = league.filter((_, i) => i % 97 === 40);
    let laterChanged = 0;
    for (const target of sample) {
      const changed = league.map((m) =>
        m.id === target.id
          ? {
              ...m,
              fthg: (m.fthg! + 3) % 6,
              ftag: (m.ftag! + 1) % 5,
              homeShots: 40,
              awayShots: 0,
              homeShotsOnTarget: 20,
              awayShotsOnTarget: 0,
            }
          : m,
      );
      const rows = buildFeatureRows(changed);
      for (const row of rows) {
        if (same(row.values, baseline.get(row.matchId)!.values)) continue;
        expect(row.kickoff.getTime()).toBeGreaterThan(target.kickoff.getTime());
        laterChanged += 1;
      }
      expect(same(rows.find((r) => r.matchId === target.id)!.values, baseline.get(target.id)!.values)).toBe(true);
    }
    expect(laterChanged).toBeGreaterThan(sample.length * 20);
  });

  it("reads no row dated at or after the kickoff", () => {
    for (const target of league.filter((_, i) => i % 131 === 7)) {
      const visible = league.filter((m) => m.id === target.id || m.kickoff < target.kickoff);
      const row = buildFeatureRows(visible).find((r) => r.matchId === target.id)!;
      expect(Array.from(row.values)).toEqual(Array.from(baseline.get(target.id)!.values));
    }
  });

  it("the first matches of 2023/24 read only earlier seasons (promoted clubs included)", () => {
    const season = league.filter((m) => m.season === "2324").sort((a, b) => a.kickoff.getTime() - b.kickoff.getTime());
    const firstDay = season.filter(
      (m) => m.kickoff.toISOString().slice(0, 10) === season[0].kickoff.toISOString().slice(0, 10),
    );
    const earlier = league.filter((m) => m.season !== "2324");
    for (const m of firstDay) {
      const row = buildFeatureRows([...earlier, m]).find((r) => r.matchId === m.id)!;
      expect(Array.from(row.values)).toEqual(Array.from(baseline.get(m.id)!.values));
    }
  });
});

describe("the forest on the real feature matrix", () => {
  it("gives log loss comparable to ml-random-forest's leaf-frequency probabilities", async () => {
    const { x, y, trainRows } = await realFeatureMatrix({ db: ctx.handle.db, firstSeason: "2122", testFrom: "2324" });
    expect(x.cols).toBe(FEATURE_NAMES.length);
    // ml-random-forest is slow: 600 training rows, the first 300 test rows.
    const start = trainRows - 600;
    const rows = 900;
    const slice = { rows, cols: x.cols, data: x.data.subarray(start * x.cols, (start + rows) * x.cols) };
    const { forest, mlRandomForest } = await compareEngines(slice, y.subarray(start, start + rows), 600, 30, 6);
    expect(forest).toBeLessThan(Math.log(3));
    expect(forest).toBeLessThanOrEqual(mlRandomForest + 0.02);
  }, 180_000);
});

describe("README", () => {
  it("lists every feature", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    expect(FEATURE_NAMES.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });
});
