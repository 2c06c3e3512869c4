import type { Match } from "@/db/schema";
import type { MarketOdds } from "./market";

/** The columns of a stored match that the features read. */
export type FeatureMatch = Pick<
  Match,
  | "id"
  | "season"
  | "kickoff"
  | "kickoffTimeKnown"
  | "homeTeamId"
  | "awayTeamId"
  | "status"
  | "fthg"
  | "ftag"
  | "homeShots"
  | "awayShots"
  | "homeShotsOnTarget"
  | "awayShotsOnTarget"
> &
  MarketOdds;

const HOUR = 3_600_000;

/**
 * When a match's result becomes known. With a kickoff time: two hours after kickoff. With only a
 * date (stored as 15:00 UK time): twelve hours later, i.e. after every other match of that day,
 * so matches of the same day never see each other's results.
 */
export function resultKnownAt(m: Pick<FeatureMatch, "kickoff" | "kickoffTimeKnown">): number {
  return m.kickoff.getTime() + (m.kickoffTimeKnown ? 2 * HOUR : 12 * HOUR);
}

export function isPlayed(m: FeatureMatch): m is FeatureMatch & { fthg: number; ftag: number } {
  return m.status === "finished" && m.fthg !== null && m.ftag !== null;
}
