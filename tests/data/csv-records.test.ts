import { describe, expect, it } from "vitest";
import { readCsvRecords } from "@/lib/data/csv-records";
import { cleanCell, decodeText, hasInvalidCharacters } from "@/lib/data/decode-text";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("decoding publisher files", () => {
  it("strips a UTF-8 BOM and keeps UTF-8 text", () => {
    const { text, encoding } = decodeText(bytes([0xef, 0xbb, 0xbf], "Div,Date\r\n", [0xc3, 0xa9]));
    expect(encoding).toBe("utf-8-bom");
    expect(text).toBe("Div,Date\r\né");
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    // 2004/05 has a lone 0xA0 (no-break space) before referee names.
    const { text, encoding } = decodeText(bytes("M", [0xa0], "U Rennie ", [0x80]));
    expect(encoding).toBe("cp1252");
    expect(text).toBe("M\u00a0U Rennie €");
    expect(cleanCell("\u00a0U Rennie ")).toBe("U Rennie");
  });

  it("marks bytes that are text in neither encoding", () => {
    const { text } = decodeText(bytes("A Tay", [0x81], "lor", [0x00]));
    expect(hasInvalidCharacters(text)).toBe(true);
    expect(hasInvalidCharacters("Nott'm Forest\t")).toBe(false);
  });
});

describe("reading CSV records", () => {
  it("numbers lines from the header, skips blank and all-comma rows, keeps raw text", () => {
    const table = readCsvRecords("Div,HomeTeam,,\r\nE0,Arsenal\r\n,,,\r\n\r\nE0,Chelsea,,,\r\n");
    expect(table.header).toEqual(["Div", "HomeTeam", "", ""]);
    expect(table.blankRows).toBe(2);
    expect(table.records.map((r) => [r.line, r.raw, r.fields.length])).toEqual([
      [2, "E0,Arsenal", 2],
      [5, "E0,Chelsea,,,", 5],
    ]);
  });

  it("counts lines inside quoted fields", () => {
    const table = readCsvRecords('a,b\n"x\ny",1\n2,3');
    expect(table.records.map((r) => [r.line, r.fields])).toEqual([
      [2, ["x\ny", "1"]],
      [4, ["2", "3"]],
    ]);
  });

  it("reads an empty text as no header and no rows", () => {
    expect(readCsvRecords("")).toEqual({ header: [], records: [], blankRows: 0 });
  });
});
