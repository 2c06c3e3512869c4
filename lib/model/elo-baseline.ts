import type { Outcome, Probabilities } from "./metrics";

export interface EloBaseline {
  /** Upper edges of the bins of Elo expected home score (the last is Infinity). */
  edges: number[];
  /** Home/draw/away frequencies of training matches in each bin. */
  probabilities: Probabilities[];
}

/**
 * "Elo alone": matches are grouped in `bins` equal-count bins of the Elo expected home score; a
 * forecast is the outcome frequencies of training matches in the same bin (with one pseudo-match
 * of the overall rates per bin so that no probability is 0).
 */
export function fitEloBaseline(expected: readonly number[], outcomes: readonly Outcome[], bins = 20): EloBaseline {
  const order = expected.map((e, i) => [e, outcomes[i]] as const).sort((a, b) => a[0] - b[0]);
  const overall = [0, 0, 0];
  for (const [, o] of order) overall[o] += 1 / Math.max(1, order.length);
  const edges: number[] = [];
  const probabilities: Probabilities[] = [];
  const size = Math.max(1, Math.ceil(order.length / bins));
  for (let start = 0; start < order.length; start += size) {
    const slice = order.slice(start, start + size);
    const counts = [overall[0], overall[1], overall[2]];
    for (const [, o] of slice) counts[o] += 1;
    const total = counts[0] + counts[1] + counts[2];
    probabilities.push([counts[0] / total, counts[1] / total, counts[2] / total]);
    edges.push(start + size >= order.length ? Infinity : slice[slice.length - 1][0]);
  }
  if (edges.length === 0) {
    edges.push(Infinity);
    probabilities.push([1 / 3, 1 / 3, 1 / 3]);
  }
  return { edges, probabilities };
}

export function predictEloBaseline(model: EloBaseline, expectedHome: number): Probabilities {
  const i = model.edges.findIndex((edge) => expectedHome <= edge);
  return model.probabilities[i === -1 ? model.probabilities.length - 1 : i];
}
