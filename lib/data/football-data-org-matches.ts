import type { Match } from "@/db/schema";
import { resultOf } from "./cell-parsers";
import { orgMatchSchema, type OrgMatch } from "./football-data-org-schema";
import { matchRowHash } from "./match-row-hash";
import type { ParsedFile } from "./parse-season-file";
import { seasonCodeForStartYear } from "./season-code";
import type { ResolveTeam, TeamRef } from "./team-resolver";

const STATUS: Record<string, Match["status"]> = {
  FINISHED: "finished",
  AWARDED: "finished",
  SCHEDULED: "scheduled",
  TIMED: "scheduled",
  IN_PLAY: "scheduled",
  PAUSED: "scheduled",
  LIVE: "scheduled",
  POSTPONED: "postponed",
  SUSPENDED: "postponed",
  CANCELLED: "postponed",
};

// Full name first: short names and TLAs are less distinctive (Blackburn and Blackpool share one).
function resolveOrgTeam(team: OrgMatch["homeTeam"], resolveTeam: ResolveTeam): TeamRef | undefined {
  for (const name of [team.name, team.shortName, team.tla]) {
    const found = name ? resolveTeam(name) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * Maps football-data.org v4 matches onto stored matches: FINISHED → finished with its scores,
 * POSTPONED → postponed, SCHEDULED/TIMED → scheduled. A match of another competition, an
 * unknown team or a FINISHED match without a score is quarantined; `line` is its 1-based
 * position in the `matches` list.
 */
export function parseOrgMatches(matches: unknown[], resolveTeam: ResolveTeam): Omit<ParsedFile, "encoding"> {
  const parsed: Omit<ParsedFile, "encoding"> = {
    rowsRead: matches.length,
    blankRows: 0,
    ignoredColumns: [],
    matches: [],
    quarantined: [],
  };
  const seen = new Map<string, number>();
  matches.forEach((raw, i) => {
    const line = i + 1;
    const quarantine = (reason: string) => parsed.quarantined.push({ line, raw: JSON.stringify(raw), reason });
    const result = orgMatchSchema.safeParse(raw);
    if (!result.success) {
      return quarantine(result.error.issues.map((x) => `${x.path.join(".") || "match"}: ${x.message}`).join("; "));
    }
    const m = result.data;
    const code = m.competition?.code;
    if (code && code !== "PL") return quarantine(`not a Premier League match (competition ${code})`);
    const status = STATUS[m.status];
    if (!status) return quarantine(`status "${m.status}" is not one we store`);
    const home = resolveOrgTeam(m.homeTeam, resolveTeam);
    const away = resolveOrgTeam(m.awayTeam, resolveTeam);
    const unknown = [!home && m.homeTeam, !away && m.awayTeam].filter((t) => t) as OrgMatch["homeTeam"][];
    if (unknown.length)
      return quarantine(unknown.map((t) => `unknown team "${t.name ?? t.shortName ?? t.tla}"`).join("; "));
    const full = m.score.fullTime;
    if (status === "finished" && (full.home === null || full.away === null)) {
      return quarantine(`status ${m.status} without a full-time score`);
    }
    const key = `${home!.id}:${away!.id}`;
    if (seen.has(key))
      return quarantine(`duplicate match: ${home!.name} v ${away!.name} already at position ${seen.get(key)}`);
    seen.set(key, line);
    const half = status === "finished" ? m.score.halfTime : undefined;
    const hasHalf = half && half.home !== null && half.away !== null;
    const match = {
      home: home!,
      away: away!,
      values: {
        season: seasonCodeForStartYear(Number(m.season.startDate.slice(0, 4))),
        kickoff: new Date(m.utcDate),
        kickoffTimeKnown: true,
        matchday: m.matchday,
        homeTeamId: home!.id,
        awayTeamId: away!.id,
        status,
        fthg: status === "finished" ? full.home : null,
        ftag: status === "finished" ? full.away : null,
        ftr: status === "finished" ? resultOf(full.home!, full.away!) : null,
        hthg: hasHalf ? half.home : null,
        htag: hasHalf ? half.away : null,
        htr: hasHalf ? resultOf(half.home!, half.away!) : null,
        referee: status === "finished" ? (m.referees?.find((r) => r.type === "REFEREE")?.name ?? null) : null,
        source: "football-data.org",
        externalId: String(m.id),
      },
    };
    parsed.matches.push({ ...match, line, hash: matchRowHash(match) });
  });
  return parsed;
}
