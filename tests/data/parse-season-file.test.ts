import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { parseSeasonFile, type ParsedFile } from "@/lib/data/parse-season-file";
import { BUNDLED_SEASONS } from "@/lib/data/season-code";
import { FileFormatError } from "@/lib/data/source-error";
import { catalogueResolver } from "./catalogue-resolver";

const resolveTeam = catalogueResolver();
const fileOf = (season: string) => path.join(process.cwd(), "data", "football-data-co-uk", `E0_${season}.csv`);
const parse = (bytes: Uint8Array, season: string, location = `E0_${season}.csv`) =>
  parseSeasonFile({ bytes, location, season, resolveTeam });

/** The file's rows as papaparse reads them by header, independently of lib/data's reader. */
function rawRows(season: string): Record<string, string>[] {
  const text = fs.readFileSync(fileOf(season), "latin1").replace(/^\u00ef\u00bb\u00bf/, "");
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: "greedy" }).data;
}

const parsed = new Map<string, ParsedFile>();
const parsedSeason = async (season: string) => {
  if (!parsed.has(season)) parsed.set(season, await parse(fs.readFileSync(fileOf(season)), season));
  return parsed.get(season)!;
};

describe("parsing the 33 bundled season files", () => {
  it.each(BUNDLED_SEASONS)("%s: every match row is valid", async (season) => {
    const file = await parsedSeason(season);
    const expected = rawRows(season).length;
    expect(expected).toBe(["9394", "9495"].includes(season) ? 462 : 380);
    expect(file.quarantined).toEqual([]);
    expect(file.rowsRead).toBe(expected);
    expect(file.matches).toHaveLength(expected);
    // 22 or 20 clubs, each at home once against every other.
    const clubs = new Set(file.matches.map((m) => m.home.id));
    expect(file.matches).toHaveLength(clubs.size * (clubs.size - 1));
  });

  it("handles the files' encodings and blank rows", async () => {
    expect((await parsedSeason("0405")).encoding).toBe("cp1252");
    expect((await parsedSeason("2526")).encoding).toBe("utf-8-bom");
    expect((await parsedSeason("2324")).encoding).toBe("utf-8");
    // data/README.md: 90 all-comma rows in 1993/94, 172 in 1995/96, one in 2014/15.
    expect((await parsedSeason("9394")).blankRows).toBe(90);
    expect((await parsedSeason("9596")).blankRows).toBe(172);
    expect((await parsedSeason("1415")).blankRows).toBe(1);
    // 2004/05 has 0xA0 bytes before nine referee names; they are not kept.
    const referees = (await parsedSeason("0405")).matches.map((m) => m.values.referee!);
    expect(referees.filter((r) => /^\s|\u00a0/.test(r))).toEqual([]);
    expect(referees).toContain("U Rennie");
  });

  it("maps odds columns by name across the seasons' changing headers", async () => {
    const checks: [string, Record<string, string>][] = [
      ["0304", { b365H: "B365H", b365A: "B365A" }],
      ["0708", { avgH: "BbAvH", maxD: "BbMxD", b365D: "B365D" }],
      ["1617", { psH: "PSH", psClosingA: "PSCA", avgA: "BbAvA" }],
      ["2526", { avgH: "AvgH", maxClosingA: "MaxCA", b365ClosingD: "B365CD", psD: "PSD" }],
    ];
    for (const [season, mapping] of checks) {
      const rows = rawRows(season);
      const file = await parsedSeason(season);
      file.matches.forEach((m, i) => {
        for (const [field, column] of Object.entries(mapping)) {
          const cell = rows[i][column].trim();
          expect(m.values[field as keyof typeof m.values], `${season} line ${m.line} ${column}`).toBe(
            cell === "" ? null : Number(cell),
          );
        }
      });
    }
    // 2025/26 leaves Pinnacle empty in some rows: stored as null, never 0.
    const emptyPinnacle = rawRows("2526").filter((r) => r.PSH.trim() === "").length;
    expect(emptyPinnacle).toBeGreaterThan(0);
    expect((await parsedSeason("2526")).matches.filter((m) => m.values.psH === null)).toHaveLength(emptyPinnacle);
    // Seasons before the columns existed have nulls, not zeros.
    expect(
      (await parsedSeason("9394")).matches.every((m) => m.values.b365H === null && m.values.homeShots === null),
    ).toBe(true);
  });

  it("stores kickoffs in UTC: the file's UK time from 2019/20, 15:00 UK time before", async () => {
    const first = (await parsedSeason("2324")).matches[0];
    expect([first.home.name, first.away.name]).toEqual(["Burnley", "Man City"]);
    expect(first.values.kickoff).toEqual(new Date("2023-08-11T19:00:00Z")); // 20:00 BST
    expect(first.values.kickoffTimeKnown).toBe(true);
    const boxingDay = (await parsedSeason("1516")).matches.find((m) => m.values.kickoff.getUTCMonth() === 11);
    expect(boxingDay?.values.kickoffTimeKnown).toBe(false);
    expect(boxingDay?.values.kickoff.getUTCHours()).toBe(15); // GMT in December
    const august = (await parsedSeason("1516")).matches[0];
    expect(august.values.kickoff.getUTCHours()).toBe(14); // BST in August
  });

  it("gives equal content equal hashes and different content different ones", async () => {
    const a = await parse(fs.readFileSync(fileOf("2324")), "2324");
    const b = await parsedSeason("2324");
    expect(a.matches.map((m) => m.hash)).toEqual(b.matches.map((m) => m.hash));
    expect(new Set(b.matches.map((m) => m.hash)).size).toBe(380);
  });

  it("keeps the stored row hashes of existing databases: the hashed bytes never change silently", async () => {
    // Pinned values: a change here would make every stored row look changed on the next load.
    const { matches } = await parsedSeason("2324");
    expect([matches[0].hash, matches[379].hash]).toEqual([
      "743851f979cc94d851b1bcc86c98109b5988d49af6e8e1126280dec074a6f06d",
      "dd49780b7a08acf711f04b0aeb2f1ba0c7722d2b479b06f93d5b35456b027ed8",
    ]);
  });

  it("ignores columns it does not store, including new ones such as HxG", async () => {
    const bytes = fs.readFileSync(path.join(process.cwd(), "tests", "fixtures", "E0_2627_partial.csv"));
    const file = await parse(bytes, "2627");
    expect(file.quarantined).toEqual([]);
    expect(file.matches.map((m) => `${m.home.name} ${m.values.fthg}-${m.values.ftag} ${m.away.name}`)).toEqual([
      "Arsenal 2-0 Coventry",
      "Hull 1-1 Man United",
    ]);
    expect(file.ignoredColumns).toEqual(expect.arrayContaining(["HxG", "AxG", "BFDH"]));
  });
});

describe("bytes that are not text", () => {
  it("quarantine a row when they sit in a column we store, and are ignored elsewhere", async () => {
    const lines = fs.readFileSync(fileOf("2324"), "latin1").split("\r\n");
    const header = lines[0].split(",");
    const poison = (line: number, column: string) => {
      const fields = lines[line - 1].split(",");
      fields[header.indexOf(column)] += "\x81";
      lines[line - 1] = fields.join(",");
    };
    poison(2, "BWH"); // Bet&Win: not stored
    poison(3, "Referee");
    const file = await parse(Buffer.from(lines.join("\r\n"), "latin1"), "2324");
    expect(file.quarantined.map((q) => [q.line, q.reason])).toEqual([
      [3, "invalid bytes (not text in UTF-8 or Windows-1252) in Referee"],
    ]);
    expect(file.matches).toHaveLength(379);
  });
});

describe("files that are not season files at all", () => {
  const corpus = (name: string) => fs.readFileSync(path.join(process.cwd(), "tests", "fixtures", "bad-input", name));
  const failure = async (bytes: Uint8Array) => {
    const error = await parse(bytes, "2324", "https://example.test/2324/E0.csv").catch((e) => e);
    expect(error).toBeInstanceOf(FileFormatError);
    return (error as Error).message;
  };

  it("names the problem and the location", async () => {
    expect(await failure(corpus("empty.csv"))).toBe("https://example.test/2324/E0.csv: the file is empty");
    expect(await failure(corpus("html-error-page.html"))).toMatch(
      /got an HTML page instead of CSV \("Service Unavailable/,
    );
    expect(await failure(corpus("wrong-header.csv"))).toMatch(
      /wrong header: missing column\(s\) FTHG, FTAG, FTR \(found: Div, Date/,
    );
  });
});
