import type { ResolveTeam } from "@/lib/data/team-resolver";
import { CLUBS, catalogueAliases } from "@/lib/data/team-catalogue";
import { normaliseTeamKey } from "@/lib/data/team-key";

/** A team resolver straight from the catalogue (ids are list positions), for tests without a database. */
export function catalogueResolver(): ResolveTeam {
  const ids = new Map(CLUBS.map((c, i) => [c.name, i + 1]));
  const byKey = new Map(catalogueAliases().map((a) => [a.key, { id: ids.get(a.team)!, name: a.team }]));
  return (name) => byKey.get(normaliseTeamKey(name));
}
