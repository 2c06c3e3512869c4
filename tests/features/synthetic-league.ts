import type { FeatureMatch } from "@/lib/features/feature-match";
import { mulberry32 } from "../helpers/seeded-random";

/** The league's random numbers: the same every run. */
export const prng = mulberry32;

const odds = (random: () => number) => 1.5 + Math.round(random() * 400) / 100;

/**
 * Two seasons of a six-club league, double round robin, one round a week. Season "2223" has dates
 * only (kickoffTimeKnown false, stored at 15:00 UTC); season "2324" swaps club 6 for club 7
 * (promotion) and has kickoff times. Every match is finished with statistics and odds.
 */
export function syntheticLeague(seed = 7): FeatureMatch[] {
  const random = prng(seed);
  const out: FeatureMatch[] = [];
  let id = 1;
  const seasons = [
    { code: "2223", teams: [1, 2, 3, 4, 5, 6], start: Date.UTC(2022, 7, 6, 15), timed: false },
    { code: "2324", teams: [1, 2, 3, 4, 5, 7], start: Date.UTC(2023, 7, 12, 15), timed: true },
  ];
  for (const season of seasons) {
    const pairs: [number, number][] = [];
    for (const h of season.teams) for (const a of season.teams) if (h !== a) pairs.push([h, a]);
    pairs.forEach(([home, away], i) => {
      const round = Math.floor(i / 3);
      const slot = i % 3;
      const kickoff = new Date(season.start + round * 7 * 86_400_000 + (season.timed ? slot * 2.5 * 3_600_000 : 0));
      const fthg = Math.floor(random() * 4);
      const ftag = Math.floor(random() * 3);
      out.push({
        id: id++,
        season: season.code,
        kickoff,
        kickoffTimeKnown: season.timed,
        homeTeamId: home,
        awayTeamId: away,
        status: "finished",
        fthg,
        ftag,
        homeShots: 5 + Math.floor(random() * 15),
        awayShots: 3 + Math.floor(random() * 12),
        homeShotsOnTarget: 1 + Math.floor(random() * 6),
        awayShotsOnTarget: Math.floor(random() * 5),
        b365H: odds(random),
        b365D: 3.2 + Math.round(random() * 100) / 100,
        b365A: odds(random),
        avgH: null,
        avgD: null,
        avgA: null,
        psH: null,
        psD: null,
        psA: null,
        b365ClosingH: null,
        b365ClosingD: null,
        b365ClosingA: null,
        psClosingH: null,
        psClosingD: null,
        psClosingA: null,
        avgClosingH: null,
        avgClosingD: null,
        avgClosingA: null,
      });
    });
  }
  return out;
}
