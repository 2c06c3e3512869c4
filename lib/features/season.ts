/** First calendar year of a season code: "9394" → 1993, "2324" → 2023. */
export function seasonStartYear(code: string): number {
  if (!/^\d{4}$/.test(code)) throw new Error(`"${code}" is not a season code like "2324"`);
  const yy = Number(code.slice(0, 2));
  return yy >= 90 ? 1900 + yy : 2000 + yy;
}

/** Chronological order of season codes (string order puts "9394" after "2324"). */
export function compareSeasons(a: string, b: string): number {
  return seasonStartYear(a) - seasonStartYear(b);
}

/** "2324" → "2023/24". */
export function seasonLabel(code: string): string {
  return `${seasonStartYear(code)}/${code.slice(2)}`;
}
