/** Seasons typed as "2324, 2425" or "2324 2425"; empty means the pipeline's default. */
export const parseSeasons = (text: string) => text.split(/[\s,;]+/).filter(Boolean);
