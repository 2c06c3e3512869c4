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
  return (name) => byKey.get(normaliseTeamKey(name));
}
