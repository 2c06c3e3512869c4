// Windows-1252 for bytes 0x80-0x9f (Node's "windows-1252" decoder is really latin-1 there).
// The five bytes cp1252 leaves undefined become U+FFFD so that validation can name them.
const CP1252_HIGH = "€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const latin1 = new TextDecoder("latin1");

export type TextEncoding = "utf-8" | "utf-8-bom" | "cp1252";

/**
 * Decodes a publisher's file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else
 * Windows-1252, the encoding of football-data.co.uk's older files (2004/05 has 0xA0 bytes).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), encoding: bom ? "utf-8-bom" : "utf-8" };
  } catch {
    const text = latin1.decode(body).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
    return { text, encoding: "cp1252" };
  }
}

// Control characters (other than tab and line breaks) and U+FFFD never occur in real text.
const INVALID_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;

/** True when a decoded value holds bytes that are not text in any encoding we read. */
export function hasInvalidCharacters(value: string): boolean {
  return INVALID_TEXT.test(value);
}

/** Trims a cell and turns no-break spaces (0xA0 in 2004/05 referee names) into spaces. */
export function cleanCell(value: string | undefined): string {
  if (value === undefined) return "";
  return value.includes("\u00a0") ? value.replace(/\u00a0/g, " ").trim() : value.trim();
}
