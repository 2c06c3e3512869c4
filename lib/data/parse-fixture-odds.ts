import { readCsvRecords } from "./csv-records";
import { decodeText } from "./decode-text";
import { createFixtureOddsRowSchema, OTHER_DIVISION, type FixtureOdds } from "./fixture-odds-row-schema";
import { assertLooksLikeCsv, type QuarantineEntry } from "./parse-season-file";
import { FIXTURE_COLUMNS, selectColumns } from "./season-columns";
import { quarantineReason } from "./quarantine-reason";
import { FileFormatError } from "./source-error";
import type { ResolveTeam } from "./team-resolver";

export interface ParsedFixtureOdds {
  rowsRead: number;
  /** Rows of other leagues, left out. */
  otherDivisions: number;
  fixtures: (FixtureOdds & { line: number })[];
  quarantined: QuarantineEntry[];
}

/**
 * Reads football-data.co.uk's fixtures file (every league's coming matches, the season files'
 * column scheme, no results): the Premier League's rows with their pre-match odds; a bad E0 row is
 * quarantined with its reason, other leagues are counted and left out. Rejects with FileFormatError
 * when the file as a whole cannot be read.
 */
export function parseFixtureOdds(input: { bytes: Uint8Array; location: string; resolveTeam: ResolveTeam }) {
  const { text } = decodeText(input.bytes);
  assertLooksLikeCsv(input.location, text);
  const { header, records } = readCsvRecords(text);
  const selection = selectColumns(header, FIXTURE_COLUMNS);
  if (selection.missing.length)
    throw new FileFormatError(input.location, `wrong header: missing column(s) ${selection.missing.join(", ")}`);
  const schema = createFixtureOddsRowSchema({ resolveTeam: input.resolveTeam, selection });
  const parsed: ParsedFixtureOdds = { rowsRead: records.length, otherDivisions: 0, fixtures: [], quarantined: [] };
  const seen = new Map<string, number>();
  for (const record of records) {
    const quarantine = (reason: string) => parsed.quarantined.push({ line: record.line, raw: record.raw, reason });
    const result = schema.safeParse(record.fields);
    if (!result.success) {
      quarantine(quarantineReason(result.error, selection));
      continue;
    }
    if (result.data === OTHER_DIVISION) {
      parsed.otherDivisions += 1;
      continue;
    }
    const fixture = result.data;
    const key = `${fixture.season}:${fixture.home.id}:${fixture.away.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      quarantine(`duplicate fixture: ${fixture.home.name} v ${fixture.away.name} already on line ${first}`);
      continue;
    }
    seen.set(key, record.line);
    parsed.fixtures.push({ ...fixture, line: record.line });
  }
  return parsed;
}
