import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { teamAliases, teams } from "@/db/schema";
import { normaliseTeamKey } from "./team-key";

export interface TeamRef {
  id: number;
  /** The canonical name (football-data.co.uk's spelling). */
  name: string;
}

/** Looks a source's team name up among the stored aliases; undefined when nobody knows it. */
export type ResolveTeam = (name: string) => TeamRef | undefined;

/** Every alias lookup key with its club. */
export async function loadAliasRows({ db }: { db: Database }): Promise<(TeamRef & { key: string })[]> {
  return db
    .select({ key: teamAliases.key, id: teams.id, name: teams.name })
    .from(teamAliases)
    .innerJoin(teams, eq(teams.id, teamAliases.teamId));
}

/** Loads every alias once, so that resolving a file's names costs no query per row. */
export async function loadTeamResolver({ db }: { db: Database }): Promise<ResolveTeam> {
  const rows = await loadAliasRows({ db });
  const byKey = new Map(rows.map((r) => [r.key, { id: r.id, name: r.name }]));
  // A file spells each of its ~20 clubs the same way hundreds of times: normalise each spelling once.
  const bySpelling = new Map<string, TeamRef | undefined>();
  return (name) => {
    if (bySpelling.has(name)) return bySpelling.get(name);
    const team = byKey.get(normaliseTeamKey(name));
    if (bySpelling.size < 10_000) bySpelling.set(name, team);
    return team;
  };
}
