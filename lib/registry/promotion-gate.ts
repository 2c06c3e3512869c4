export interface GateInput {
  candidateRps: number;
  /** The champion's RPS on the same evaluation window and data; null when there is no champion. */
  championRps: number | null;
  /** Base rates' RPS on the same window (the bar for a first champion). */
  baseRatesRps: number;
}

export interface GateDecision {
  promote: boolean;
  reason: string;
}

const f = (x: number) => x.toFixed(4);

/**
 * A candidate becomes champion only if its pooled RPS is strictly lower than the champion's on
 * the same window; with no champion, it must beat the base rates.
 */
export function promotionGate({ candidateRps, championRps, baseRatesRps }: GateInput): GateDecision {
  if (!Number.isFinite(candidateRps)) return { promote: false, reason: "candidate has no RPS" };
  if (championRps === null) {
    return candidateRps < baseRatesRps
      ? { promote: true, reason: `first champion: RPS ${f(candidateRps)} beats base rates ${f(baseRatesRps)}` }
      : { promote: false, reason: `RPS ${f(candidateRps)} does not beat base rates ${f(baseRatesRps)}` };
  }
  return candidateRps < championRps
    ? { promote: true, reason: `RPS ${f(candidateRps)} beats champion's ${f(championRps)} on the same window` }
    : {
        promote: false,
        reason: `RPS ${f(candidateRps)} does not beat champion's ${f(championRps)} on the same window`,
      };
}
