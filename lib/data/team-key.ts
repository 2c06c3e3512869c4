const FOLD: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", ł: "l", đ: "d" };

/**
 * The lookup form of a team name: lower case, accents and apostrophes dropped, "&" read as
 * "and", every other run of punctuation or space one space. "Nott'm Forest" → "nottm forest",
 * "Brighton & Hove Albion FC" → "brighton and hove albion fc". Words such as "FC" are kept, so
 * every source's spelling is listed explicitly rather than guessed.
 */
export function normaliseTeamKey(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      // Letters that have no decomposition into a base letter and an accent.
      .replace(/[øæœßłđ]/g, (c) => FOLD[c])
      .replace(/&/g, " and ")
      .replace(/['’.]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
  );
}
