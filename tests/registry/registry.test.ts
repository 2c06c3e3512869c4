import { describe, expect, it } from "vitest";
import { getAliasHistory, getAliasTarget, listAliases } from "@/lib/registry/aliases";
import type { ModelMetrics } from "@/lib/registry/model-metrics";
import { getModelVersionSummary, listModelVersions, registerModelVersion } from "@/lib/registry/model-versions";
import { promotionGate } from "@/lib/registry/promotion-gate";
import { applyGateDecision, promoteVersion, rollbackChampion } from "@/lib/registry/promotion";
import { withTestDatabase } from "../helpers/with-test-database";

const ctx = withTestDatabase();

const both = (rps: number) => ({ "odds-free": rps, "with-odds": rps });
const scores = (rps: number) => ({ n: 10, rps, logLoss: 1, brier: 0.6, accuracy: 0.5, ece: 0.01, reliability: [] });

function metrics(rps: number): ModelMetrics {
  return {
    window: { testSeasons: ["2324", "2425", "2526"], firstTrainingSeason: "0506" },
    refit: "once per test season",
    pooled: { n: 10, scores: { model: scores(rps), baseRates: scores(0.224) }, missing: {} },
    seasons: [],
  };
}

async function register(rps: number) {
  return registerModelVersion({
    db: ctx.handle.db,
    version: {
      engine: "forest",
      params: { trees: 10 },
      featureSet: ["elo_diff"],
      dataFingerprint: "abc",
      metrics: metrics(rps),
      artifact: new Uint8Array([1, 2, 3, 4]),
      artifactFormat: "test",
    },
  });
}

async function train(rps: number) {
  const version = await register(rps);
  const championId = await getAliasTarget({ db: ctx.handle.db, alias: "champion" });
  const champion =
    championId === null ? null : (await listModelVersions({ db: ctx.handle.db })).find((v) => v.id === championId)!;
  const championRps = champion ? (champion.metrics as unknown as ModelMetrics).pooled.scores.model!.rps : null;
  const decision = promotionGate({
    candidate: both(rps),
    champion: championRps === null ? null : both(championRps),
    baseRatesRps: 0.224,
  });
  await applyGateDecision({
    db: ctx.handle.db,
    modelVersionId: version.id,
    decision,
    comparedChampionId: championId,
    actor: "test",
  });
  return { version, decision };
}

describe("model registry", () => {
  it("numbers versions and lists them without artifacts", async () => {
    const a = await register(0.3);
    const b = await register(0.3);
    expect(b.version).toBe(a.version + 1);
    const summary = await getModelVersionSummary({ db: ctx.handle.db, version: a.version });
    expect(summary?.artifactBytes).toBe(4);
    expect(summary).not.toHaveProperty("artifact");
  });

  it("the first champion must beat base rates in both regimes", () => {
    expect(promotionGate({ candidate: both(0.23), champion: null, baseRatesRps: 0.224 }).promote).toBe(false);
    expect(promotionGate({ candidate: both(0.2), champion: null, baseRatesRps: 0.224 }).promote).toBe(true);
    const oneOnly = { "odds-free": 0.23, "with-odds": 0.2 };
    expect(promotionGate({ candidate: oneOnly, champion: null, baseRatesRps: 0.224 }).promote).toBe(false);
  });

  it("compares each regime with the same regime: better in one and level in the other promotes, worse in one does not", () => {
    const champion = { "odds-free": 0.2, "with-odds": 0.195 };
    const gate = (candidate: typeof champion) => promotionGate({ candidate, champion, baseRatesRps: 0.224 });
    expect(gate({ "odds-free": 0.199, "with-odds": 0.195 })).toMatchObject({
      promote: true,
      reason: expect.stringContaining("odds-free 0.1990 vs 0.2000 (better), with-odds 0.1950 vs 0.1950 (level)"),
    });
    expect(gate({ "odds-free": 0.199, "with-odds": 0.1951 })).toMatchObject({
      promote: false,
      reason: expect.stringContaining("with-odds 0.1951 vs 0.1950 (worse)"),
    });
    expect(gate(champion).promote).toBe(false);
  });

  it("refuses a worse model, promotes a better one, appends history, rolls back", async () => {
    const first = await train(0.2);
    expect(first.decision.promote).toBe(true);
    expect(await getAliasTarget({ db: ctx.handle.db, alias: "champion" })).toBe(first.version.id);

    const worse = await train(0.21);
    expect(worse.decision.promote).toBe(false);
    expect(worse.decision.reason).toMatch(/with-odds 0\.2100 vs 0\.2000 \(worse\)/);
    expect(await getAliasTarget({ db: ctx.handle.db, alias: "champion" })).toBe(first.version.id);
    expect(await getAliasTarget({ db: ctx.handle.db, alias: "challenger" })).toBe(worse.version.id);

    const equal = await train(0.2);
    expect(equal.decision.promote).toBe(false);

    const better = await train(0.19);
    expect(better.decision.promote).toBe(true);
    expect(await getAliasTarget({ db: ctx.handle.db, alias: "champion" })).toBe(better.version.id);

    const history = await getAliasHistory({ db: ctx.handle.db });
    const champion = history.filter((h) => h.alias === "champion");
    expect(champion.map((h) => h.modelVersionId)).toEqual([better.version.id, first.version.id]);
    expect(champion[0].previousModelVersionId).toBe(first.version.id);
    expect(champion[0].reason).toMatch(/odds-free 0\.1900 vs 0\.2000 \(better\).*beats the champion/);
    expect(champion[0].actor).toBe("test");

    const rolled = await rollbackChampion({ db: ctx.handle.db, actor: "analyst", reason: "bad week" });
    expect(rolled.championId).toBe(first.version.id);
    expect(await getAliasTarget({ db: ctx.handle.db, alias: "champion" })).toBe(first.version.id);
    const latest = (await getAliasHistory({ db: ctx.handle.db }))[0];
    expect(latest).toMatchObject({ alias: "champion", action: "rollback", actor: "analyst", reason: "bad week" });

    // Nothing older than the first champion: a second rollback has nowhere to go.
    await expect(rollbackChampion({ db: ctx.handle.db, actor: "analyst", reason: "again" })).rejects.toThrow(
      /no earlier champion/,
    );
  });

  it("does not promote over a champion that changed while the gate compared", async () => {
    const compared = await getAliasTarget({ db: ctx.handle.db, alias: "champion" });
    const meanwhile = await register(0.3);
    await promoteVersion({
      db: ctx.handle.db,
      version: meanwhile.version,
      actor: "analyst",
      reason: "manual, during training",
    });
    const candidate = await register(0.01);
    const applied = await applyGateDecision({
      db: ctx.handle.db,
      modelVersionId: candidate.id,
      decision: { promote: true, reason: "beats the champion it was compared with" },
      comparedChampionId: compared,
      actor: "test",
    });
    expect(applied.promoted).toBe(false);
    expect(applied.reason).toMatch(/champion changed/);
    expect(await getAliasTarget({ db: ctx.handle.db, alias: "champion" })).toBe(meanwhile.id);
    expect(await getAliasTarget({ db: ctx.handle.db, alias: "challenger" })).toBe(candidate.id);
  });

  it("promotes manually, refuses the current champion and unknown versions", async () => {
    const v = await register(0.25);
    const result = await promoteVersion({ db: ctx.handle.db, version: v.version, actor: "api", reason: "manual" });
    expect(result.championId).toBe(v.id);
    await expect(
      promoteVersion({ db: ctx.handle.db, version: v.version, actor: "api", reason: "again" }),
    ).rejects.toThrow(/already the champion/);
    await expect(promoteVersion({ db: ctx.handle.db, version: 9999, actor: "api", reason: "x" })).rejects.toThrow(
      /does not exist/,
    );
    const aliases = await listAliases({ db: ctx.handle.db });
    expect(aliases.find((a) => a.alias === "champion")?.version).toBe(v.version);
  });
});
