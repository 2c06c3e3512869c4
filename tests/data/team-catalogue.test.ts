import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { BUNDLED_SEASONS } from "@/lib/data/season-code";
import { CLUBS, catalogueAliases, type Club } from "@/lib/data/team-catalogue";
import { normaliseTeamKey } from "@/lib/data/team-key";

const data = path.join(process.cwd(), "data");

/** Every value of one column in a bundled CSV, read independently of lib/data's parser. */
function column(file: string, name: string): string[] {
  const text = fs.readFileSync(file, "latin1").replace(/^\u00ef\u00bb\u00bf/, "");
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: "greedy" }).data;
  return rows.map((r) => r[name]?.trim()).filter((v): v is string => !!v);
}

const byKey = new Map(catalogueAliases().map((a) => [a.key, a.team]));

describe("team names", () => {
  it("normalises spellings to one lookup key", () => {
    expect(normaliseTeamKey("Nott'm Forest")).toBe("nottm forest");
    expect(normaliseTeamKey("  Brighton & Hove Albion FC ")).toBe("brighton and hove albion fc");
    expect(normaliseTeamKey("FC København")).toBe("fc kobenhavn");
    expect(normaliseTeamKey("MAN UTD")).toBe(normaliseTeamKey("Man Utd"));
  });

  it("has one canonical club for each of the 51 names in the 33 season files", () => {
    const names = new Set<string>();
    for (const season of BUNDLED_SEASONS) {
      const file = path.join(data, "football-data-co-uk", `E0_${season}.csv`);
      for (const name of [...column(file, "HomeTeam"), ...column(file, "AwayTeam")]) names.add(name);
    }
    expect(names.size).toBe(51);
    expect([...names].sort()).toEqual(CLUBS.map((c) => c.name).sort());
  });

  it("maps every fixture-list name of 2026/27 to a canonical club", () => {
    const file = path.join(data, "fixtures", "fixturedownload_epl-2026-UTC.csv");
    const names = new Set([...column(file, "Home Team"), ...column(file, "Away Team")]);
    expect(names.size).toBe(20);
    const mapped = [...names].map((n) => [n, byKey.get(normaliseTeamKey(n))]);
    expect(mapped.filter(([, team]) => !team)).toEqual([]);
    expect(Object.fromEntries(mapped)).toMatchObject({
      "Man Utd": "Man United",
      Spurs: "Tottenham",
      "Nott'm Forest": "Nott'm Forest",
    });
  });

  it("maps every football-data.org team of the Premier League samples by name, short name and TLA", () => {
    const sample = JSON.parse(fs.readFileSync(path.join(data, "football-data-org", "pl_matches_sample.json"), "utf8"));
    const teams = sample.matches.flatMap((m: { homeTeam: object; awayTeam: object }) => [m.homeTeam, m.awayTeam]);
    for (const t of teams as { name: string; shortName: string; tla: string }[]) {
      const team = byKey.get(normaliseTeamKey(t.name));
      expect(team, t.name).toBeDefined();
      expect(byKey.get(normaliseTeamKey(t.shortName)), t.shortName).toBe(team);
      expect(byKey.get(normaliseTeamKey(t.tla)), t.tla).toBe(team);
    }
  });

  it("refuses a catalogue in which one spelling names two clubs", () => {
    const clash: Club[] = [
      { name: "Blackburn", fullName: "Blackburn Rovers FC", tla: "BLA", org: ["BLA"] },
      { name: "Blackpool", fullName: "Blackpool FC", tla: "BLA", org: ["BLA"] },
    ];
    expect(() => catalogueAliases(clash)).toThrow(/"BLA".*Blackburn and Blackpool/);
  });
});
