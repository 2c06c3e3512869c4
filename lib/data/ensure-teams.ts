import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { teamAliases, teams } from "@/db/schema";
import { CLUBS, catalogueAliases } from "./team-catalogue";

export interface EnsureTeamsSummary {
  teams: number;
  aliases: number;
  /** Teams or aliases inserted or corrected by this call (0 when the database was up to date). */
  written: number;
}

/**
 * Seeds `teams` and `team_aliases` from the catalogue. Idempotent: rows already right are not
 * touched; a corrected catalogue entry updates its row.
 */
export async function ensureTeams({ db }: { db: Database }): Promise<EnsureTeamsSummary> {
  const aliases = catalogueAliases();
  return db.transaction(async (tx) => {
    const writtenTeams = await tx
      .insert(teams)
      .values(CLUBS.map((c) => ({ name: c.name, fullName: c.fullName, tla: c.tla })))
      .onConflictDoUpdate({
        target: teams.name,
        set: { fullName: sql`excluded.full_name`, tla: sql`excluded.tla` },
        setWhere: sql`(${teams.fullName}, ${teams.tla}) is distinct from (excluded.full_name, excluded.tla)`,
      })
      .returning({ id: teams.id });
    const ids = new Map((await tx.select({ id: teams.id, name: teams.name }).from(teams)).map((t) => [t.name, t.id]));
    const writtenAliases = await tx
      .insert(teamAliases)
      .values(aliases.map((a) => ({ teamId: ids.get(a.team)!, alias: a.alias, key: a.key, source: a.source })))
      .onConflictDoUpdate({
        target: teamAliases.key,
        set: { teamId: sql`excluded.team_id`, alias: sql`excluded.alias`, source: sql`excluded.source` },
        setWhere: sql`(${teamAliases.teamId}, ${teamAliases.alias}, ${teamAliases.source})
          is distinct from (excluded.team_id, excluded.alias, excluded.source)`,
      })
      .returning({ id: teamAliases.id });
    return { teams: CLUBS.length, aliases: aliases.length, written: writtenTeams.length + writtenAliases.length };
  });
}
