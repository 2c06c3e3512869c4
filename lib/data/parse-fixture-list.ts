import { readCsvRecords } from "./csv-records";
import { cleanCell, decodeText, hasInvalidCharacters } from "./decode-text";
import { createFixtureRowSchema } from "./fixture-row-schema";
import { matchRowHash } from "./match-row-hash";
import { assertLooksLikeCsv, type ParsedFile } from "./parse-season-file";
import { seasonOfDate, type SeasonCode } from "./season-code";
import { FileFormatError } from "./source-error";
import type { ResolveTeam } from "./team-resolver";

const COLUMNS = {
  round: "Round Number",
  kickoff: "Date",
  homeTeam: "Home Team",
  awayTeam: "Away Team",
  result: "Result",
};
type Field = keyof typeof COLUMNS;

/**
 * The season of a fixture list: the one most of its valid dates ("dd/mm/yyyy …") fall in, so
 * that one mistyped date cannot move the whole list.
 */
function seasonOfList(dates: string[]): SeasonCode | null {
  const votes = new Map<SeasonCode, number>();
  for (const d of dates) {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(d);
    if (!m) continue;
    const day = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
    if (day.getUTCDate() !== Number(m[1])) continue;
    const season = seasonOfDate(day);
    votes.set(season, (votes.get(season) ?? 0) + 1);
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Parses a fixturedownload.com fixture list (the bundled 2026/27 one). Unplayed fixtures become
 * `scheduled` matches; a filled Result makes a `finished` one. Bad rows are quarantined.
 */
export function parseFixtureList(input: {
  bytes: Uint8Array;
  location: string;
  resolveTeam: ResolveTeam;
}): ParsedFile & {
  season: SeasonCode | null;
} {
  const { text, encoding } = decodeText(input.bytes);
  assertLooksLikeCsv(input.location, text);
  const { header, records, blankRows } = readCsvRecords(text);
  const index = Object.fromEntries(Object.entries(COLUMNS).map(([f, c]) => [f, header.indexOf(c)])) as Record<
    Field,
    number
  >;
  const missing = (Object.keys(COLUMNS) as Field[])
    .filter((f) => f !== "result" && index[f] < 0)
    .map((f) => COLUMNS[f]);
  if (missing.length) {
    throw new FileFormatError(
      input.location,
      `wrong header: missing column(s) ${missing.join(", ")} (found: ${header.join(", ")})`,
    );
  }
  const cell = (fields: string[], f: Field) => (index[f] < 0 ? "" : cleanCell(fields[index[f]]));
  const season = seasonOfList(records.map((r) => cell(r.fields, "kickoff")));
  const parsed: ParsedFile & { season: SeasonCode | null } = {
    season,
    encoding,
    rowsRead: records.length,
    blankRows,
    ignoredColumns: header.filter((h) => h !== "" && !Object.values(COLUMNS).includes(h)),
    matches: [],
    quarantined: [],
  };
  if (!season)
    return {
      ...parsed,
      quarantined: records.map((r) => ({ line: r.line, raw: r.raw, reason: "no readable Date in the file" })),
    };
  const schema = createFixtureRowSchema({ season, resolveTeam: input.resolveTeam });
  const seen = new Map<string, number>();
  for (const record of records) {
    const quarantine = (reason: string) => parsed.quarantined.push({ line: record.line, raw: record.raw, reason });
    if (hasInvalidCharacters(record.raw)) {
      quarantine("invalid bytes (not text in UTF-8 or Windows-1252)");
      continue;
    }
    const input = Object.fromEntries((Object.keys(COLUMNS) as Field[]).map((f) => [f, cell(record.fields, f)]));
    const result = schema.safeParse(input);
    if (!result.success) {
      quarantine(
        result.error.issues
          .map((i) => (i.path.length ? `${COLUMNS[i.path[0] as Field]} ${i.message}` : i.message))
          .join("; "),
      );
      continue;
    }
    const match = result.data;
    const key = `${match.home.id}:${match.away.id}`;
    if (seen.has(key)) {
      quarantine(`duplicate fixture: ${match.home.name} v ${match.away.name} already on line ${seen.get(key)}`);
      continue;
    }
    seen.set(key, record.line);
    parsed.matches.push({ ...match, line: record.line, hash: matchRowHash(match) });
  }
  return parsed;
}
