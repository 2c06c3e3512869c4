import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as history } from "@/app/api/predictions/history/route";
import { GET as latest } from "@/app/api/predictions/latest/route";
import { POST as match } from "@/app/api/predictions/match/route";
import { GET as upcoming } from "@/app/api/predictions/upcoming/route";
import type { DatabaseHandle } from "@/db/client";
import { matches, predictions } from "@/db/schema";
import * as contracts from "@/lib/api/contracts/predictions";
import { scorePredictionsStep } from "@/lib/pipelines/scoring-steps";
import { metricsOf } from "@/lib/registry/model-versions";
import { modelVersions } from "@/db/schema";
import { createLoadedDatabase, documented, errorOf, request } from "./api-test-kit";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createLoadedDatabase();
});
afterAll(() => handle?.close());

const predict = (body: unknown, headers?: Record<string, string>) =>
  match(request("/api/predictions/match", { method: "POST", body, headers }));

describe("POST /api/predictions/match", () => {
  it("predicts with the champion, beside the market's probabilities from the odds sent, and stores it", async () => {
    const body = await documented(
      contracts.predictMatch,
      await predict({
        home_team: "Man Utd",
        away_team: "Newcastle United",
        kickoff: "2027-01-06T20:00:00Z",
        home_odds: 2,
        draw_odds: 4,
        away_odds: 4,
      }),
      200,
    );
    expect(body).toMatchObject({
      kind: "adhoc",
      homeTeam: { name: "Man United" },
      awayTeam: { name: "Newcastle" },
      modelVersion: 1,
      kickoff: "2027-01-06T20:00:00.000Z",
    });
    const p = body.probabilities;
    expect(p.home + p.draw + p.away).toBeCloseTo(1, 12);
    const best = (["home", "draw", "away"] as const).reduce((a, b) => (p[b] > p[a] ? b : a));
    expect(body.predicted).toBe({ home: "H", draw: "D", away: "A" }[best]);
    expect(body.confidence).toBe(p[best]);
    expect(body.market).toEqual({ home: 0.5, draw: 0.25, away: 0.25, source: "request" });
    expect(body.edge.home).toBeCloseTo(p.home - 0.5, 12);
    const [row] = await handle.db.select().from(predictions).where(eq(predictions.id, body.id));
    expect(row).toMatchObject({ kind: "adhoc", pHome: p.home, marketSource: "request" });
    // The 2026/27 fixture of this pairing, at this kickoff (a kickoff days away would be another match).
    expect(row.matchId).not.toBeNull();
  });

  it("answers every bad input with a 400 naming the field", async () => {
    const unknown = await errorOf(await predict({ home_team: "Totenham", away_team: "Arsenal" }), 400);
    expect(unknown.issues).toEqual([{ field: "home_team", message: expect.stringContaining("Tottenham") }]);
    expect(unknown.details?.suggestions).toContain("Tottenham");
    const same = await errorOf(await predict({ home_team: "Spurs", away_team: "Tottenham" }), 400);
    expect(same.issues?.[0].field).toBe("away_team");
    const odds = await errorOf(
      await predict({ home_team: "Arsenal", away_team: "Chelsea", home_odds: 1, draw_odds: 3, away_odds: 0 }),
      400,
    );
    expect(odds.issues?.map((i) => i.field)).toEqual(["home_odds", "away_odds"]);
    const partial = await errorOf(await predict({ home_team: "Arsenal", away_team: "Chelsea", draw_odds: 3 }), 400);
    expect(partial.issues?.map((i) => i.field)).toEqual(["home_odds", "away_odds"]);
    const types = await errorOf(await predict({ home_team: 1, away_team: ["Chelsea"], kickoff: 5 }), 400);
    expect(types.issues?.map((i) => i.field)).toEqual(["home_team", "away_team", "kickoff"]);
    const malformed = await errorOf(await predict('{"home_team": "Arsenal",'), 400);
    expect(malformed).toMatchObject({
      code: "bad_request:api",
      issues: [{ field: "(body)", message: "not valid JSON" }],
    });
    const notObject = await errorOf(await predict("[1,2]"), 400);
    expect(notObject.issues?.[0].field).toBe("(body)");
    await errorOf(await predict(""), 400);
    const form = await errorOf(
      await predict("home_team=Arsenal", { "content-type": "application/x-www-form-urlencoded" }),
      415,
    );
    expect(form.code).toBe("unsupported_media_type:api");
  });
});

describe("GET /api/predictions/upcoming and /latest", () => {
  it("lists the next fixtures with the champion's stored predictions", async () => {
    const body = await documented(
      contracts.upcomingPredictions,
      await upcoming(request("/api/predictions/upcoming?limit=5")),
      200,
    );
    expect(body.championVersion).toBe(1);
    expect(body.fixtures).toHaveLength(5);
    const kickoffs = body.fixtures.map((f: { kickoff: string }) => f.kickoff);
    expect([...kickoffs].sort()).toEqual(kickoffs);
    for (const f of body.fixtures)
      expect(f.prediction).toMatchObject({ kind: "batch", matchId: f.matchId, modelVersion: 1 });
    const bad = await errorOf(await upcoming(request("/api/predictions/upcoming?limit=0")), 400);
    expect(bad.issues).toEqual([{ field: "limit", message: "must be an integer from 1 to 100" }]);
    await errorOf(await upcoming(request("/api/predictions/upcoming?limt=5")), 400);
  });

  it("gives the latest batch: every fixture the predictions run stored", async () => {
    const body = await documented(contracts.latestPredictions, await latest(request("/api/predictions/latest")), 200);
    const stored = await handle.db.select().from(predictions).where(eq(predictions.kind, "batch"));
    expect(body.predictions).toHaveLength(stored.length);
    expect(body.modelVersion).toBe(1);
  });
});

describe("GET /api/predictions/history", () => {
  it("keeps the live track record and the champion's backtest apart", async () => {
    const first = await documented(
      contracts.predictionHistory,
      await history(request("/api/predictions/history")),
      200,
    );
    expect(first.live.trackRecord).toBeNull();
    const [version] = await handle.db.select().from(modelVersions).where(eq(modelVersions.version, 1));
    expect(first.backtest.modelVersion).toBe(1);
    // Each regime's backtest is its own walk-forward evaluation, match for match.
    for (const regime of ["odds-free", "with-odds"] as const) {
      const pooled = metricsOf(version).regimes![regime].pooled;
      expect(first.backtest.regimes[regime].overall.n).toBe(pooled.n);
      expect(first.backtest.regimes[regime].overall.rps).toBeCloseTo(pooled.scores.model!.rps, 10);
      expect(first.backtest.regimes[regime].overall.accuracy).toBeCloseTo(pooled.scores.model!.accuracy, 10);
    }
    expect(first.live.regimes).toEqual({ "odds-free": null, "with-odds": null });

    // Two fixtures are played: their batch forecasts are scored and become the live record. Their
    // forecasts are dated a day before kickoff, as they would be had they been made on time (the
    // record counts only forecasts made before kickoff).
    const batch = await handle.db.select().from(predictions).where(eq(predictions.kind, "batch")).limit(2);
    for (const p of batch) {
      await handle.db
        .update(predictions)
        .set({ createdAt: new Date(p.kickoff.getTime() - 86_400_000) })
        .where(eq(predictions.id, p.id));
      await handle.db
        .update(matches)
        .set({ status: "finished", fthg: 1, ftag: 0, ftr: "H", b365H: 2, b365D: 3.5, b365A: 4 })
        .where(eq(matches.id, p.matchId!));
    }
    await scorePredictionsStep({ db: handle.db });
    const second = await documented(
      contracts.predictionHistory,
      await history(request("/api/predictions/history?window=5")),
      200,
    );
    const scored = await handle.db
      .select()
      .from(predictions)
      .where(and(eq(predictions.kind, "batch"), isNotNull(predictions.scoredAt)));
    expect(second.live.trackRecord.overall.n).toBe(2);
    expect(second.live.trackRecord.overall.rps).toBeCloseTo((scored[0].rps! + scored[1].rps!) / 2, 12);
    expect(second.live.trackRecord.overall.market.n).toBe(2);
    // The bundled fixtures have no odds: both were forecast by the odds-free model.
    expect(scored.map((p) => p.regime)).toEqual(["odds-free", "odds-free"]);
    expect(second.live.regimes["odds-free"].overall.n).toBe(2);
    expect(second.live.regimes["with-odds"]).toBeNull();
    expect(second.live.modelVersions).toEqual([1]);
    await errorOf(await history(request("/api/predictions/history?window=2")), 400);
  });
});
