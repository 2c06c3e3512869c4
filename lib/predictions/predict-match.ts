import type { Database } from "@/db/client";
import { ApiError } from "@/lib/api/errors";
import { getFeatureSnapshot } from "@/lib/features/feature-cache";
import { seasonOfDate } from "@/lib/data/season-code";
import type { FeatureMatch } from "@/lib/features/feature-match";
import { PairingFeatures } from "@/lib/features/features-as-of";
import { impliedProbabilities } from "@/lib/features/implied-probabilities";
import { preMatchMarket, sharpPreMatchMarket, type MarketProbabilities } from "@/lib/features/market";
import { predict } from "@/lib/model/match-model";
import { metricsOf } from "@/lib/registry/model-versions";
import { regimeScores } from "@/lib/registry/regime-score";
import { adhocPredictionWriter, storedRow } from "./batched-insert";
import { toPredictionView, type PredictionView } from "./prediction-view";
import { getServingChampion } from "./serving-champion";
import { loadTeamLookup, type TeamLookup } from "./team-lookup";
import { processSlot } from "@/lib/process-slot";

export interface MatchRequest {
  homeTeam: string;
  awayTeam: string;
  /** Default: now. Features use only what was known before this moment. */
  kickoff?: Date;
  /** Decimal odds; all three or none. */
  odds?: { home: number; draw: number; away: number };
}

interface Context {
  db: Database;
  dataVersion: string;
  lookup: Promise<TeamLookup>;
  features: PairingFeatures;
  /** Stored matches by `season:home:away` (the pairing is unique per season). */
  stored: Map<string, FeatureMatch>;
  checkedAt: number;
}

// Per data version: the team lookup, the feature engines and the stored matches are built once,
// not per request, so that a request reads nothing from the database but its own insert.
const cache = processSlot<Context>("predict-match-context");
const check = processSlot<Promise<Context>>("predict-match-check");
/** How long a data version is trusted before it is checked again. */
const RECHECK_MS = 2_000;
const key = (season: string, home: number, away: number) => `${season}:${home}:${away}`;

async function refresh(db: Database): Promise<Context> {
  const snapshot = await getFeatureSnapshot({ db });
  const hit = cache.get();
  if (hit && hit.db === db && hit.dataVersion === snapshot.dataVersion) {
    hit.checkedAt = Date.now();
    return hit;
  }
  const next: Context = {
    db,
    dataVersion: snapshot.dataVersion,
    lookup: loadTeamLookup({ db }),
    features: new PairingFeatures(snapshot.matches),
    stored: new Map(snapshot.matches.map((m) => [key(m.season, m.homeTeamId, m.awayTeamId), m])),
    checkedAt: Date.now(),
  };
  return cache.set(next);
}

function context(db: Database): Promise<Context> {
  const hit = cache.get();
  if (hit && hit.db === db && Date.now() - hit.checkedAt < RECHECK_MS) return Promise.resolve(hit);
  // One check at a time: concurrent requests share it.
  return check.getOrCreate(() => refresh(db).finally(() => check.set(undefined)));
}

/** How far a stored fixture's kickoff may be from the one asked for and still be the same match. */
const SAME_MATCH_MS = 36 * 3_600_000;

function resolveTeam(lookup: TeamLookup, field: "home_team" | "away_team", name: string) {
  const team = lookup.resolve(name);
  if (team) return team;
  const suggestions = lookup.closest(name);
  throw new ApiError("bad_request", "api", `Unknown team "${name}"; closest known: ${suggestions.join(", ")}`, {
    issues: [{ field, message: `unknown team; did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?` }],
    details: { suggestions },
  });
}

/**
 * The champion's forecast for any pairing at any kickoff, from features as of that kickoff,
 * beside the market's margin-free probabilities (from the given odds, else the stored match's
 * pre-match odds). Stored as an ad-hoc prediction unless `store` is false.
 */
export async function predictMatch({
  db,
  request,
  store = true,
}: {
  db: Database;
  request: MatchRequest;
  store?: boolean;
}): Promise<PredictionView> {
  const ctx = await context(db);
  const lookup = await ctx.lookup;
  const home = resolveTeam(lookup, "home_team", request.homeTeam);
  const away = resolveTeam(lookup, "away_team", request.awayTeam);
  if (home.id === away.id) {
    throw new ApiError("bad_request", "api", `home_team and away_team are the same club (${home.name})`, {
      issues: [{ field: "away_team", message: "must differ from home_team" }],
    });
  }
  const champion = await getServingChampion({ db });
  if (!champion) throw new ApiError("unavailable", "model", "No champion model yet: run the training pipeline first");

  const now = new Date();
  let kickoff = request.kickoff ?? now;
  const fixture = ctx.stored.get(key(seasonOfDate(kickoff), home.id, away.id));
  // Without a kickoff, the pairing's fixture still to come gives it.
  if (!request.kickoff && fixture?.status === "scheduled" && fixture.kickoff > now) kickoff = fixture.kickoff;
  // The stored row is this match only if it kicks off within 36 h of the kickoff asked for; the
  // same pairing months away is another match, whose odds must not be read.
  const stored =
    fixture && Math.abs(fixture.kickoff.getTime() - kickoff.getTime()) <= SAME_MATCH_MS ? fixture : undefined;
  const season = seasonOfDate(kickoff);
  let market: MarketProbabilities | null = null;
  let sharp: MarketProbabilities | null = null;
  if (request.odds) {
    const p = impliedProbabilities(request.odds.home, request.odds.draw, request.odds.away);
    if (p) market = sharp = { probabilities: p, source: "request" };
  } else if (stored) {
    market = preMatchMarket(stored);
    sharp = sharpPreMatchMarket(stored);
  }
  const values = ctx.features.vector({ homeTeamId: home.id, awayTeamId: away.id, kickoff, season, market, sharp });
  // With odds (sent or stored) the with-odds model forecasts, else the odds-free one.
  const [{ probabilities: p, regime }] = predict(champion.model, [values]);
  const row = {
    regime,
    matchId: stored?.id ?? null,
    homeTeamId: home.id,
    awayTeamId: away.id,
    kickoff,
    modelVersionId: champion.version.id,
    pHome: p[0],
    pDraw: p[1],
    pAway: p[2],
    marketHome: market?.probabilities[0] ?? null,
    marketDraw: market?.probabilities[1] ?? null,
    marketAway: market?.probabilities[2] ?? null,
    marketSource: market?.source ?? null,
  };
  const saved = store ? await adhocPredictionWriter(db).insert(row) : storedRow(row, 0, new Date());
  return toPredictionView({
    ...saved,
    homeName: home.name,
    awayName: away.name,
    modelVersion: champion.version.version,
    regimeScore: regimeScores(metricsOf(champion.version))[regime],
  });
}
