import { readCsvRecords, type CsvRecord } from "./csv-records";
import { decodeText, hasInvalidCharacters, type TextEncoding } from "./decode-text";
import { matchRowHash } from "./match-row-hash";
import type { SeasonCode } from "./season-code";
import { SEASON_FIELDS, selectColumns, type ColumnSelection } from "./season-columns";
import { createSeasonRowSchema, type ParsedMatch } from "./season-row-schema";
import { quarantineReason } from "./quarantine-reason";
import { FileFormatError } from "./source-error";
import type { ResolveTeam } from "./team-resolver";

export interface QuarantineEntry {
  line: number;
  raw: string;
  reason: string;
}

export interface ParsedFile {
  encoding: TextEncoding;
  /** Data rows read (blank all-comma rows and the header not counted). */
  rowsRead: number;
  blankRows: number;
  /** Header columns no stored field reads (bookmakers we do not keep, HxG, ...). */
  ignoredColumns: string[];
  matches: (ParsedMatch & { line: number; hash: string })[];
  quarantined: QuarantineEntry[];
}

/** Throws FileFormatError when the text is no football-data.co.uk CSV at all. */
export function assertLooksLikeCsv(location: string, text: string): void {
  const start = text.trimStart();
  if (start === "") throw new FileFormatError(location, "the file is empty");
  if (start.startsWith("<")) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(start)?.[1]?.trim();
    throw new FileFormatError(location, `got an HTML page instead of CSV${title ? ` ("${title}")` : ""}`);
  }
}

function structuralProblem(record: CsvRecord, header: string[], selection: ColumnSelection): string | null {
  const { fields } = record;
  if (fields.length <= selection.lastNamedIndex) {
    const last = header[fields.length - 1] || `field ${fields.length}`;
    return `truncated row: ${fields.length} of ${header.length} fields (ends after ${last})`;
  }
  if (fields.length > header.length && fields.slice(header.length).some((f) => f.trim() !== "")) {
    return `row has ${fields.length} fields but the header has ${header.length}, and the extra ones are not empty`;
  }
  if (!hasInvalidCharacters(record.raw)) return null;
  // Only the columns we store matter; garbage in a bookmaker column we ignore loses nothing.
  const bad = SEASON_FIELDS.filter(
    (f) => selection.index[f] >= 0 && hasInvalidCharacters(fields[selection.index[f]] ?? ""),
  );
  if (bad.length)
    return `invalid bytes (not text in UTF-8 or Windows-1252) in ${bad.map((f) => selection.column[f]).join(", ")}`;
  return null;
}

/** Lets pending I/O callbacks (another file's database round trips) run between row slices. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

// Rows validated between yields: ~0.5 ms of work, so a waiting database answer is seen quickly.
const ROWS_PER_SLICE = 32;

/**
 * Decodes, parses and validates one football-data.co.uk season file. Good rows come back as
 * matches with their content hash, bad rows as quarantine entries naming line and reason.
 * Rejects with FileFormatError (naming `location`) when the file as a whole cannot be read.
 * Validation yields to the event loop every few rows, so that a run can parse the next file
 * while the database stores the previous one.
 */
export async function parseSeasonFile(input: {
  bytes: Uint8Array;
  location: string;
  season: SeasonCode;
  resolveTeam: ResolveTeam;
}): Promise<ParsedFile> {
  const { text, encoding } = decodeText(input.bytes);
  assertLooksLikeCsv(input.location, text);
  const { header, records, blankRows } = readCsvRecords(text);
  const selection = selectColumns(header);
  if (selection.missing.length) {
    const found = header
      .filter((h) => h !== "")
      .slice(0, 12)
      .join(", ");
    throw new FileFormatError(
      input.location,
      `wrong header: missing column(s) ${selection.missing.join(", ")} (found: ${found || "nothing"})`,
    );
  }
  const used = new Set(SEASON_FIELDS.map((f) => selection.column[f]));
  const schema = createSeasonRowSchema({ season: input.season, resolveTeam: input.resolveTeam, selection });
  const parsed: ParsedFile = {
    encoding,
    rowsRead: records.length,
    blankRows,
    ignoredColumns: header.filter((h) => h !== "" && !used.has(h)),
    matches: [],
    quarantined: [],
  };
  const seen = new Map<string, number>();
  for (const [i, record] of records.entries()) {
    if (i % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
    const quarantine = (reason: string) => parsed.quarantined.push({ line: record.line, raw: record.raw, reason });
    const problem = structuralProblem(record, header, selection);
    if (problem) {
      quarantine(problem);
      continue;
    }
    const result = schema.safeParse(record.fields);
    if (!result.success) {
      quarantine(quarantineReason(result.error, selection));
      continue;
    }
    const match = result.data;
    const key = `${match.home.id}:${match.away.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      quarantine(`duplicate match: ${match.home.name} v ${match.away.name} already on line ${first}`);
      continue;
    }
    seen.set(key, record.line);
    parsed.matches.push({
      home: match.home,
      away: match.away,
      values: match.values,
      line: record.line,
      hash: matchRowHash(match),
    });
  }
  return parsed;
}
