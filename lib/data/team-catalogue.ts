import { normaliseTeamKey } from "./team-key";

export type AliasSource = "football-data.co.uk" | "fixturedownload" | "football-data.org" | "common";

export interface Club {
  /** football-data.co.uk's spelling: the canonical `teams.name`. */
  name: string;
  fullName: string;
  /** football-data.org's three-letter code, when it has one no other club shares. */
  tla: string | null;
  /** football-data.org's `name`, `shortName` and TLA(s), as its v4 API spells them. */
  org: string[];
  /** fixturedownload.com's spelling where it differs ("Man Utd", "Spurs"). */
  fixtures?: string[];
  /** Other spellings people and sites use. */
  common?: string[];
}

const club = (name: string, fullName: string, tla: string | null, org: string[], extra: Partial<Club> = {}): Club => ({
  name,
  fullName,
  tla,
  org,
  ...extra,
});

/**
 * Every club of the 33 bundled seasons (51) and of 2026/27, with each source's spelling. The
 * football-data.org spellings come from its responses (the bundled samples and public captures);
 * Blackburn and Blackpool share "BLA" there, so neither gets it. This list is the only place a
 * team name is defined: ensureTeams() seeds it and every source resolves through it.
 */
export const CLUBS: readonly Club[] = [
  club("Arsenal", "Arsenal FC", "ARS", ["Arsenal FC", "Arsenal", "ARS"]),
  club("Aston Villa", "Aston Villa FC", "AVL", ["Aston Villa FC", "Aston Villa", "AVL", "AST"], { common: ["Villa"] }),
  club("Barnsley", "Barnsley FC", "BAR", ["Barnsley FC", "Barnsley", "BAR"]),
  club("Birmingham", "Birmingham City FC", "BIR", ["Birmingham City FC", "Birmingham", "BIR"], {
    common: ["Birmingham City"],
  }),
  club("Blackburn", "Blackburn Rovers FC", "BBR", ["Blackburn Rovers FC", "Blackburn", "BBR"], {
    common: ["Blackburn Rovers"],
  }),
  club("Blackpool", "Blackpool FC", null, ["Blackpool FC", "Blackpool"]),
  club("Bolton", "Bolton Wanderers FC", "BOL", ["Bolton Wanderers FC", "Bolton", "BOL"], {
    common: ["Bolton Wanderers"],
  }),
  club("Bournemouth", "AFC Bournemouth", "BOU", ["AFC Bournemouth", "Bournemouth", "BOU"]),
  club("Bradford", "Bradford City AFC", null, ["Bradford City AFC", "Bradford City"]),
  club("Brentford", "Brentford FC", "BRE", ["Brentford FC", "Brentford", "BRE"]),
  club("Brighton", "Brighton & Hove Albion FC", "BHA", ["Brighton & Hove Albion FC", "Brighton Hove", "BHA"], {
    common: ["Brighton & Hove Albion", "Brighton and Hove Albion"],
  }),
  club("Burnley", "Burnley FC", "BUR", ["Burnley FC", "Burnley", "BUR"]),
  club("Cardiff", "Cardiff City FC", "CAR", ["Cardiff City FC", "Cardiff", "CAR"], { common: ["Cardiff City"] }),
  club("Charlton", "Charlton Athletic FC", null, ["Charlton Athletic FC", "Charlton"], {
    common: ["Charlton Athletic"],
  }),
  club("Chelsea", "Chelsea FC", "CHE", ["Chelsea FC", "Chelsea", "CHE"]),
  club("Coventry", "Coventry City FC", "COV", ["Coventry City FC", "Coventry City", "COV"]),
  club("Crystal Palace", "Crystal Palace FC", "CRY", ["Crystal Palace FC", "Crystal Palace", "CRY"]),
  club("Derby", "Derby County FC", "DER", ["Derby County FC", "Derby County", "DER"]),
  club("Everton", "Everton FC", "EVE", ["Everton FC", "Everton", "EVE"]),
  club("Fulham", "Fulham FC", "FUL", ["Fulham FC", "Fulham", "FUL"]),
  club("Huddersfield", "Huddersfield Town AFC", "HUD", ["Huddersfield Town AFC", "Huddersfield", "HUD"], {
    common: ["Huddersfield Town"],
  }),
  club("Hull", "Hull City AFC", "HUL", ["Hull City AFC", "Hull City", "HUL"]),
  club("Ipswich", "Ipswich Town FC", "IPS", ["Ipswich Town FC", "Ipswich Town", "IPS"]),
  club("Leeds", "Leeds United FC", "LEE", ["Leeds United FC", "Leeds United", "LEE"], { common: ["Leeds Utd"] }),
  club("Leicester", "Leicester City FC", "LEI", ["Leicester City FC", "Leicester City", "LEI"]),
  club("Liverpool", "Liverpool FC", "LIV", ["Liverpool FC", "Liverpool", "LIV"]),
  club("Luton", "Luton Town FC", "LUT", ["Luton Town FC", "Luton Town", "LUT"]),
  club("Man City", "Manchester City FC", "MCI", ["Manchester City FC", "Man City", "MCI"], {
    common: ["Manchester City"],
  }),
  club("Man United", "Manchester United FC", "MUN", ["Manchester United FC", "Man United", "MUN"], {
    fixtures: ["Man Utd"],
    common: ["Manchester United", "Manchester Utd"],
  }),
  club("Middlesbrough", "Middlesbrough FC", "MID", ["Middlesbrough FC", "Middlesbrough", "MID"]),
  club("Newcastle", "Newcastle United FC", "NEW", ["Newcastle United FC", "Newcastle", "NEW"], {
    common: ["Newcastle United", "Newcastle Utd"],
  }),
  club("Norwich", "Norwich City FC", "NOR", ["Norwich City FC", "Norwich", "NOR"], { common: ["Norwich City"] }),
  club("Nott'm Forest", "Nottingham Forest FC", "NOT", ["Nottingham Forest FC", "Nottingham", "NOT"], {
    common: ["Nottingham Forest"],
  }),
  club("Oldham", "Oldham Athletic AFC", null, ["Oldham Athletic AFC", "Oldham Athletic"]),
  club("Portsmouth", "Portsmouth FC", null, ["Portsmouth FC", "Portsmouth"]),
  club("QPR", "Queens Park Rangers FC", "QPR", ["Queens Park Rangers FC", "QPR"], { common: ["Queens Park Rangers"] }),
  club("Reading", "Reading FC", "REA", ["Reading FC", "Reading", "REA"]),
  club("Sheffield United", "Sheffield United FC", "SHE", ["Sheffield United FC", "Sheffield Utd", "SHE"], {
    common: ["Sheff Utd"],
  }),
  club("Sheffield Weds", "Sheffield Wednesday FC", null, ["Sheffield Wednesday FC", "Sheffield Wed"], {
    common: ["Sheffield Wednesday", "Sheff Wed"],
  }),
  club("Southampton", "Southampton FC", "SOU", ["Southampton FC", "Southampton", "SOU"]),
  club("Stoke", "Stoke City FC", "STO", ["Stoke City FC", "Stoke", "STO"], { common: ["Stoke City"] }),
  club("Sunderland", "Sunderland AFC", "SUN", ["Sunderland AFC", "Sunderland", "SUN"]),
  club("Swansea", "Swansea City AFC", "SWA", ["Swansea City AFC", "Swansea", "SWA"], { common: ["Swansea City"] }),
  club("Swindon", "Swindon Town FC", null, ["Swindon Town FC", "Swindon Town"]),
  club("Tottenham", "Tottenham Hotspur FC", "TOT", ["Tottenham Hotspur FC", "Tottenham", "TOT"], {
    fixtures: ["Spurs"],
    common: ["Tottenham Hotspur"],
  }),
  club("Watford", "Watford FC", "WAT", ["Watford FC", "Watford", "WAT"]),
  club("West Brom", "West Bromwich Albion FC", "WBA", ["West Bromwich Albion FC", "West Brom", "WBA"], {
    common: ["West Bromwich Albion"],
  }),
  club("West Ham", "West Ham United FC", "WHU", ["West Ham United FC", "West Ham", "WHU"], {
    common: ["West Ham United"],
  }),
  club("Wigan", "Wigan Athletic FC", null, ["Wigan Athletic FC", "Wigan Athletic"]),
  club("Wimbledon", "Wimbledon FC", null, ["Wimbledon FC"]),
  club("Wolves", "Wolverhampton Wanderers FC", "WOL", ["Wolverhampton Wanderers FC", "Wolverhampton", "WOL"], {
    common: ["Wolverhampton Wanderers"],
  }),
];

export interface CatalogueAlias {
  team: string;
  alias: string;
  key: string;
  source: AliasSource;
}

/**
 * Every alias of every club, one per lookup key (a club's own spellings that normalise alike
 * collapse into the first). Throws if one key would name two clubs: the list is then wrong.
 */
export function catalogueAliases(clubs: readonly Club[] = CLUBS): CatalogueAlias[] {
  const byKey = new Map<string, CatalogueAlias>();
  for (const c of clubs) {
    const spellings: [AliasSource, string[]][] = [
      ["football-data.co.uk", [c.name]],
      ["football-data.org", c.org],
      ["fixturedownload", c.fixtures ?? []],
      ["common", [c.fullName, ...(c.common ?? [])]],
    ];
    for (const [source, names] of spellings) {
      for (const alias of names) {
        const key = normaliseTeamKey(alias);
        const seen = byKey.get(key);
        if (seen && seen.team !== c.name) {
          throw new Error(`team alias "${alias}" (key "${key}") names both ${seen.team} and ${c.name}`);
        }
        if (!seen) byKey.set(key, { team: c.name, alias, key, source });
      }
    }
  }
  return [...byKey.values()];
}
