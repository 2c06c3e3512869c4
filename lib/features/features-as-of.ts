import { FeatureEngine } from "./feature-engine";
import { featureVector } from "./feature-definitions";
import { resultKnownAt, type FeatureMatch } from "./feature-match";
import type { MarketProbabilities } from "./market";

export interface PairingAsOf {
  homeTeamId: number;
  awayTeamId: number;
  kickoff: Date;
  season: string;
  market: MarketProbabilities | null;
  /** The sharpest known prices (Pinnacle first); default: `market`. */
  sharp?: MarketProbabilities | null;
}

/**
 * Computes features for any pairing at any kickoff (the single-match API). Engines are kept per
 * data version and season, advanced as far as the last known result; a kickoff before that point
 * gets a fresh engine replayed only up to it, so no later result is ever read.
 */
export class PairingFeatures {
  private readonly engines = new Map<string, { engine: FeatureEngine; at: number }>();
  private readonly lastResultAt: number;

  constructor(private readonly matches: readonly FeatureMatch[]) {
    this.lastResultAt = matches.reduce(
      (latest, m) => (m.status === "finished" ? Math.max(latest, resultKnownAt(m)) : latest),
      -Infinity,
    );
  }

  vector(p: PairingAsOf): Float64Array {
    const t = p.kickoff.getTime();
    const engine = t >= this.lastResultAt ? this.cachedEngine(p.season, t) : this.freshEngine(p.season, t);
    return featureVector({
      context: engine.contextFor(p.homeTeamId, p.awayTeamId, t, p.season),
      market: p.market,
      sharp: p.sharp ?? p.market,
    });
  }

  private freshEngine(season: string, t: number): FeatureEngine {
    const engine = new FeatureEngine(this.matches);
    engine.advanceTo(t);
    engine.enterSeason(season);
    return engine;
  }

  private cachedEngine(season: string, t: number): FeatureEngine {
    const hit = this.engines.get(season);
    // All results are applied once the engine passes the last one; only the season matters then.
    if (hit && t >= hit.at) return hit.engine;
    const at = Number.isFinite(this.lastResultAt) ? this.lastResultAt : t;
    const engine = this.freshEngine(season, Math.min(t, at));
    this.engines.set(season, { engine, at });
    return engine;
  }
}
