import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { matches, predictions, teams } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { runEtl } from "@/lib/data/run-etl";
import { impliedProbabilities } from "@/lib/features/implied-probabilities";
import { predictAndStoreStep } from "@/lib/pipelines/prediction-steps";
import { predictMatch } from "@/lib/predictions/predict-match";
import { withTestDatabase } from "../helpers/with-test-database";
import { trainVersion } from "../api/api-test-kit";

const ctx = withTestDatabase();
beforeAll(async () => {
  // Two seasons and the 2026/27 fixtures; 2025/26 arrives later in the test of leakage.
  await runEtl({ db: ctx.handle.db, source: "bundled", seasons: ["2324", "2425"] });
  const v = await trainVersion(ctx.handle, { ...SMALL, testSeasons: ["2425"], firstTrainingSeason: "2324" });
  await predictAndStoreStep({ db: ctx.handle.db, modelVersionId: v.modelVersionId });
});

const SMALL = {
  params: { nTrees: 20, maxDepth: 6, minSamplesLeaf: 20, maxFeatures: 0.5, seed: 3 },
  testSeasons: ["2425"],
  firstTrainingSeason: "2324",
};

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("predictMatch", () => {
  it("gives a fixture the probabilities the predictions pipeline stored for it (features as of its kickoff)", async () => {
    const [batch] = await ctx.handle.db.select().from(predictions).where(eq(predictions.kind, "batch")).limit(1);
    const [home, away] = await Promise.all(
      [batch.homeTeamId, batch.awayTeamId].map(
        async (id) => (await ctx.handle.db.select().from(teams).where(eq(teams.id, id)))[0].name,
      ),
    );
    const view = await predictMatch({
      db: ctx.handle.db,
      request: { homeTeam: home, awayTeam: away, kickoff: batch.kickoff },
      store: false,
    });
    expect(view.matchId).toBe(batch.matchId);
    expect(view.probabilities.home).toBeCloseTo(batch.pHome, 12);
    expect(view.probabilities.draw).toBeCloseTo(batch.pDraw, 12);
    expect(view.probabilities.away).toBeCloseTo(batch.pAway, 12);
  });

  it("uses the stored pre-match odds of the pairing's match in that season, or the odds sent", async () => {
    const [m] = await ctx.handle.db
      .select()
      .from(matches)
      .where(and(eq(matches.season, "2425"), eq(matches.status, "finished")))
      .limit(1);
    const names = async (id: number) => (await ctx.handle.db.select().from(teams).where(eq(teams.id, id)))[0].name;
    const request = { homeTeam: await names(m.homeTeamId), awayTeam: await names(m.awayTeamId), kickoff: m.kickoff };
    const fromStore = await predictMatch({ db: ctx.handle.db, request, store: false });
    const [h, d, a] = impliedProbabilities(m.b365H, m.b365D, m.b365A)!;
    expect(fromStore.market).toEqual({ home: h, draw: d, away: a, source: "bet365" });
    expect(fromStore.edge!.home).toBeCloseTo(fromStore.probabilities.home - h, 12);
    const sent = await predictMatch({
      db: ctx.handle.db,
      request: { ...request, odds: { home: 2, draw: 4, away: 4 } },
      store: false,
    });
    expect(sent.market).toEqual({ home: 0.5, draw: 0.25, away: 0.25, source: "request" });
  });

  it("reads no other match's odds: the same pairing at another date gets none, a coming fixture gives its kickoff", async () => {
    const [m] = await ctx.handle.db
      .select()
      .from(matches)
      .where(and(eq(matches.season, "2425"), eq(matches.status, "finished")))
      .limit(1);
    const names = async (id: number) => (await ctx.handle.db.select().from(teams).where(eq(teams.id, id)))[0].name;
    const [homeTeam, awayTeam] = [await names(m.homeTeamId), await names(m.awayTeamId)];
    // Three days before the stored match: a different match as far as the odds are concerned.
    const early = await predictMatch({
      db: ctx.handle.db,
      request: { homeTeam, awayTeam, kickoff: new Date(m.kickoff.getTime() - 3 * 86_400_000) },
      store: false,
    });
    expect(early.market).toBeNull();
    expect(early.matchId).toBeNull();
    // No kickoff given: a fixture still to come is the match meant, at its own kickoff. (One
    // fixture is moved a week ahead of today so that this holds whatever the date.)
    const [fixture] = await ctx.handle.db.select().from(matches).where(eq(matches.status, "scheduled")).limit(1);
    const kickoff = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 7 * 86_400_000);
    await ctx.handle.db.update(matches).set({ kickoff, updatedAt: new Date() }).where(eq(matches.id, fixture.id));
    await new Promise((r) => setTimeout(r, 2_100));
    const view = await predictMatch({
      db: ctx.handle.db,
      request: { homeTeam: await names(fixture.homeTeamId), awayTeam: await names(fixture.awayTeamId) },
      store: false,
    });
    expect(view.matchId).toBe(fixture.id);
    expect(view.kickoff).toBe(kickoff.toISOString());
  });

  it("never reads results after the kickoff: a later season's arrival leaves a past prediction unchanged", async () => {
    const request = { homeTeam: "Liverpool", awayTeam: "Man City", kickoff: new Date("2025-03-01T15:00:00Z") };
    const before = await predictMatch({ db: ctx.handle.db, request, store: false });
    await runEtl({ db: ctx.handle.db, source: "bundled", seasons: ["2526"], fixtures: false });
    // The service checks the data version at most every 2 s.
    await new Promise((r) => setTimeout(r, 2_100));
    const after = await predictMatch({ db: ctx.handle.db, request, store: false });
    expect(after.probabilities).toEqual(before.probabilities);
    const now = await predictMatch({
      db: ctx.handle.db,
      request: { ...request, kickoff: new Date("2026-06-01T15:00:00Z") },
      store: false,
    });
    expect(now.probabilities).not.toEqual(before.probabilities);
  });

  it("stores an ad-hoc prediction with its own id, once per request, also when many come at once", async () => {
    const kickoffs = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2026, 8, 1 + (i % 28), 12 + (i % 7))));
    const views = await Promise.all(
      kickoffs.map((kickoff, i) =>
        predictMatch({
          db: ctx.handle.db,
          request: { homeTeam: i % 2 ? "Arsenal" : "Everton", awayTeam: "Chelsea", kickoff },
        }),
      ),
    );
    expect(new Set(views.map((v) => v.id)).size).toBe(60);
    const rows = await ctx.handle.db.select().from(predictions).where(eq(predictions.kind, "adhoc"));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [i, v] of views.entries()) {
      const row = byId.get(v.id)!;
      expect(row.kickoff.toISOString()).toBe(kickoffs[i].toISOString());
      expect(row.pHome).toBe(v.probabilities.home);
      expect(v.homeTeam.name).toBe(i % 2 ? "Arsenal" : "Everton");
    }
  });

  it("answers unknown teams with the closest names, and the same club twice, as 400s", async () => {
    const unknown = await failure(
      predictMatch({ db: ctx.handle.db, request: { homeTeam: "Arsenall", awayTeam: "Chelsea" } }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.extra.details?.suggestions).toContain("Arsenal");
    expect(unknown.extra.issues).toEqual([{ field: "home_team", message: expect.stringContaining('"Arsenal"') }]);
    const same = await failure(
      predictMatch({ db: ctx.handle.db, request: { homeTeam: "Man United", awayTeam: "Man Utd" } }),
    );
    expect(same.status).toBe(400);
    expect(same.extra.issues).toEqual([{ field: "away_team", message: "must differ from home_team" }]);
  });
});
