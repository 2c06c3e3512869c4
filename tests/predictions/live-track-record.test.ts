import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { matches, predictions } from "@/db/schema";
import { runEtl } from "@/lib/data/run-etl";
import { latestPerMatch, listScoredPredictions } from "@/lib/predictions/prediction-queries";
import { registerModelVersion } from "@/lib/registry/model-versions";
import { withTestDatabase } from "../helpers/with-test-database";

const ctx = withTestDatabase();
beforeAll(async () => {
  await runEtl({ db: ctx.handle.db, seasons: ["2526"], fixtures: false });
});

const DAY = 86_400_000;

async function version() {
  const scores = { n: 0, rps: 0.2, logLoss: 1, brier: 0.6, accuracy: 0.5, ece: 0, reliability: [] };
  return registerModelVersion({
    db: ctx.handle.db,
    version: {
      engine: "forest",
      params: {},
      featureSet: [],
      dataFingerprint: "x",
      artifact: new Uint8Array([0]),
      artifactFormat: "test",
      metrics: {
        window: { testSeasons: ["2526"], firstTrainingSeason: "2425" },
        refit: "once per test season",
        pooled: { n: 0, scores: { model: scores }, missing: {} },
        seasons: [],
      },
    },
  });
}

describe("the live track record", () => {
  it("counts each match once, with the last forecast made before its kickoff, and none made after", async () => {
    const [a, b] = await ctx.handle.db.select().from(matches).where(eq(matches.season, "2526")).limit(2);
    const [v1, v2] = [await version(), await version()];
    const row = (m: typeof a, modelVersionId: number, createdAt: Date, rps: number) => ({
      kind: "batch" as const,
      regime: "odds-free" as const,
      matchId: m.id,
      homeTeamId: m.homeTeamId,
      awayTeamId: m.awayTeamId,
      kickoff: m.kickoff,
      modelVersionId,
      pHome: 0.5,
      pDraw: 0.3,
      pAway: 0.2,
      createdAt,
      actualResult: m.ftr,
      rps,
      logLoss: 1,
      brier: 0.5,
      correct: m.ftr === "H",
      scoredAt: new Date(),
    });
    await ctx.handle.db.insert(predictions).values([
      row(a, v1.id, new Date(a.kickoff.getTime() - 2 * DAY), 0.11),
      row(a, v2.id, new Date(a.kickoff.getTime() - 1 * DAY), 0.22),
      // Made after its match had kicked off (a late fixture, a new champion): not a forecast.
      row(b, v2.id, new Date(b.kickoff.getTime() + DAY), 0.33),
    ]);
    const live = latestPerMatch(await listScoredPredictions({ db: ctx.handle.db, kind: "live" }));
    expect(live.map((p) => [p.matchId, p.modelVersion, p.result?.rps])).toEqual([[a.id, v2.version, 0.22]]);
  });
});
