import { asc } from "drizzle-orm";
import type { Database } from "@/db/client";
import { matches } from "@/db/schema";
import type { FeatureMatch } from "./feature-match";

/** Every stored match with the columns the features read, in kickoff order. */
export async function loadFeatureMatches({ db }: { db: Database }): Promise<FeatureMatch[]> {
  return db
    .select({
      id: matches.id,
      season: matches.season,
      kickoff: matches.kickoff,
      kickoffTimeKnown: matches.kickoffTimeKnown,
      homeTeamId: matches.homeTeamId,
      awayTeamId: matches.awayTeamId,
      status: matches.status,
      fthg: matches.fthg,
      ftag: matches.ftag,
      homeShots: matches.homeShots,
      awayShots: matches.awayShots,
      homeShotsOnTarget: matches.homeShotsOnTarget,
      awayShotsOnTarget: matches.awayShotsOnTarget,
      b365H: matches.b365H,
      b365D: matches.b365D,
      b365A: matches.b365A,
      avgH: matches.avgH,
      avgD: matches.avgD,
      avgA: matches.avgA,
      psH: matches.psH,
      psD: matches.psD,
      psA: matches.psA,
      b365ClosingH: matches.b365ClosingH,
      b365ClosingD: matches.b365ClosingD,
      b365ClosingA: matches.b365ClosingA,
      psClosingH: matches.psClosingH,
      psClosingD: matches.psClosingD,
      psClosingA: matches.psClosingA,
      avgClosingH: matches.avgClosingH,
      avgClosingD: matches.avgClosingD,
      avgClosingA: matches.avgClosingA,
    })
    .from(matches)
    .orderBy(asc(matches.kickoff), asc(matches.id));
}
