import { REGIMES, type Regime } from "@/lib/model/regime";

export interface GateInput {
  /** The candidate's pooled walk-forward RPS in each regime. */
  candidate: Record<Regime, number>;
  /** The champion's, on the same evaluation window and data; null when there is no champion. */
  champion: Record<Regime, number> | null;
  /** Base rates' RPS on the same window (the bar for a first champion). */
  baseRatesRps: number;
}

export interface GateDecision {
  promote: boolean;
  reason: string;
}

const f = (x: number) => x.toFixed(4);

/**
 * Each regime is compared with the same regime: a candidate becomes champion only if it is no
 * worse than the champion in either regime and strictly better in at least one (on the same
 * window and data). A version that improves one regime and worsens the other is not promoted: the
 * champion serves both, and no forecast may get worse by a promotion. With no champion, the
 * candidate must beat the base rates in both regimes.
 */
export function promotionGate({ candidate, champion, baseRatesRps }: GateInput): GateDecision {
  const missing = REGIMES.filter((r) => !Number.isFinite(candidate[r]));
  if (missing.length) return { promote: false, reason: `candidate has no RPS in ${missing.join(" and ")}` };
  if (champion === null) {
    const beats = REGIMES.every((r) => candidate[r] < baseRatesRps);
    const scores = REGIMES.map((r) => `${r} ${f(candidate[r])}`).join(", ");
    return beats
      ? { promote: true, reason: `first champion: RPS ${scores} beat base rates ${f(baseRatesRps)}` }
      : { promote: false, reason: `RPS ${scores} do not both beat base rates ${f(baseRatesRps)}` };
  }
  const compared = REGIMES.map((r) => {
    const verdict = candidate[r] < champion[r] ? "better" : candidate[r] > champion[r] ? "worse" : "level";
    return { regime: r, verdict, text: `${r} ${f(candidate[r])} vs ${f(champion[r])} (${verdict})` };
  });
  const text = compared.map((c) => c.text).join(", ");
  if (compared.some((c) => c.verdict === "worse"))
    return { promote: false, reason: `RPS ${text}: worse in a regime than the champion on the same window` };
  if (compared.every((c) => c.verdict === "level"))
    return { promote: false, reason: `RPS ${text}: does not beat the champion on the same window` };
  return { promote: true, reason: `RPS ${text}: beats the champion on the same window` };
}
