import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as predictMatchRoute } from "@/app/api/predictions/match/route";
import { matches, modelVersions, predictions, teams } from "@/db/schema";
import { runEtl } from "@/lib/data/run-etl";
import { listUpcomingFixtures } from "@/lib/predictions/prediction-queries";
import { metricsOf } from "@/lib/registry/model-versions";
import { regimeScores } from "@/lib/registry/regime-score";
import { request, withLoadedApp } from "../api/api-test-kit";
import { startLocalServer } from "../data/local-server";
import { fixturesFile, ukDateTime } from "../helpers/fixtures-file";

// The loaded app: three seasons, the 2026/27 fixture list (no odds), a champion and its forecasts.
const app = withLoadedApp();

const scoresOfChampion = async () => {
  const [v] = await app.handle.db.select().from(modelVersions).where(eq(modelVersions.version, 1));
  return regimeScores(metricsOf(v));
};

describe("forecasts in both regimes", () => {
  it("a fixture without odds is forecast odds-free; once the fixtures file brings its odds, again with odds", async () => {
    const scores = await scoresOfChampion();
    const [before] = await listUpcomingFixtures({ db: app.handle.db, now: new Date("2026-08-01T00:00:00Z"), limit: 1 });
    expect(before.prediction).toMatchObject({ regime: "odds-free", regimeScore: scores["odds-free"] });
    expect(before.earlier).toBeNull();

    const [home, away] = await Promise.all(
      [before.homeTeam.id, before.awayTeam.id].map(
        async (id) => (await app.handle.db.select().from(teams).where(eq(teams.id, id)))[0].name,
      ),
    );
    const server = await startLocalServer((req, res) =>
      req.url === "/fixtures.csv"
        ? res
            .writeHead(200)
            .end(fixturesFile([{ ...ukDateTime(new Date(before.kickoff)), home, away, b365: [2.5, 3.3, 2.9] }]))
        : res.writeHead(404).end(),
    );
    try {
      const etl = await runEtl({
        db: app.handle.db,
        source: "auto",
        seasons: ["2526"],
        baseUrl: `${server.url}/mmz4281`,
        fixtureOddsUrl: `${server.url}/fixtures.csv`,
      });
      expect(etl.changed).toBe(true);
    } finally {
      await server.close();
    }
    const { runIds } = await app.executor.dispatch(
      { name: "pipeline/predictions.requested", data: {} },
      { trigger: "manual" },
    );
    expect((await app.executor.waitForRun(runIds[0])).status).toBe("completed");

    const stored = await app.handle.db
      .select({ regime: predictions.regime, marketHome: predictions.marketHome })
      .from(predictions)
      .where(and(eq(predictions.matchId, before.matchId), eq(predictions.kind, "batch")))
      .orderBy(predictions.regime);
    expect(stored).toEqual([
      { regime: "odds-free", marketHome: null },
      { regime: "with-odds", marketHome: expect.closeTo(0.37, 1) },
    ]);
    const [after] = await listUpcomingFixtures({ db: app.handle.db, now: new Date("2026-08-01T00:00:00Z"), limit: 1 });
    expect(after.prediction).toMatchObject({ regime: "with-odds", regimeScore: scores["with-odds"] });
    expect(after.earlier).toMatchObject({ regime: "odds-free", id: before.prediction!.id });
    expect(after.prediction!.probabilities).not.toEqual(before.prediction!.probabilities);
    // The odds did not touch the match's result columns.
    const [match] = await app.handle.db.select().from(matches).where(eq(matches.id, before.matchId));
    expect(match).toMatchObject({ status: "scheduled", fthg: null, b365H: 2.5 });
  });

  it("POST /api/predictions/match answers with the regime and that regime's score, with and without odds", async () => {
    const scores = await scoresOfChampion();
    const ask = async (body: Record<string, unknown>) =>
      (await predictMatchRoute(request("/api/predictions/match", { method: "POST", body }))).json();
    const pairing = { home_team: "Arsenal", away_team: "Chelsea", kickoff: "2026-09-01T14:00:00Z" };
    expect(await ask(pairing)).toMatchObject({ regime: "odds-free", regimeScore: scores["odds-free"] });
    expect(await ask({ ...pairing, home_odds: 2, draw_odds: 3.4, away_odds: 3.8 })).toMatchObject({
      regime: "with-odds",
      regimeScore: scores["with-odds"],
    });
    expect(scores["odds-free"]!.rps).not.toBe(scores["with-odds"]!.rps);
  });
});
