import Papa from "papaparse";

/** One data row of a CSV file with where it came from, for quarantine messages. */
export interface CsvRecord {
  /** 1-based line number of the row's first line in the file (the header is line 1). */
  line: number;
  /** The row's text as it appeared in the file, without its line break. */
  raw: string;
  fields: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  /** Rows whose every field is empty (the 1990s files have up to 172 all-comma rows). */
  blankRows: number;
}

/**
 * Splits decoded CSV text into a header and records with line numbers and raw text. Blank and
 * all-comma rows are counted, not returned. Ragged rows are returned as they are; the caller
 * decides what a missing or extra field means.
 */
export function readCsvRecords(text: string): CsvTable {
  // Without quotes no field can span lines, so rows are lines and papaparse's fast whole-text
  // mode can be used; the step mode below tracks positions when quotes may hide line breaks.
  if (!text.includes('"')) {
    const rows = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false }).data;
    const lines = text.split(/\r\n|\n|\r/);
    if (rows.length === lines.length) return collect(rows.map((fields, i) => ({ line: i + 1, raw: lines[i], fields })));
  }
  const rows: CsvRecord[] = [];
  let cursor = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      const chunk = text.slice(cursor, end);
      rows.push({ line, raw: chunk.replace(/\r?\n$|\r$/, ""), fields: result.data });
      line += countLineBreaks(chunk);
      cursor = end;
    },
  });
  return collect(rows);
}

function collect(rows: CsvRecord[]): CsvTable {
  // A line break at the very end of the file is no row.
  const last = rows[rows.length - 1];
  if (last && last.raw === "" && last.fields.length <= 1) rows.pop();
  const [first, ...rest] = rows;
  const records: CsvRecord[] = [];
  let blankRows = 0;
  for (const row of rest) {
    if (row.fields.every((f) => f.trim() === "")) blankRows++;
    else records.push(row);
  }
  return { header: first ? first.fields.map((h) => h.trim()) : [], records, blankRows };
}

function countLineBreaks(chunk: string): number {
  let n = 0;
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && chunk.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}
