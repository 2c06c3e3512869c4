import { hash } from "node:crypto";
import { getTableColumns } from "drizzle-orm";
import { matches } from "@/db/schema";
import type { ParsedMatch } from "./season-row-schema";

type Values = ParsedMatch["values"];

const NOT_CONTENT = new Set(["id", "homeTeamId", "awayTeamId", "batchId", "sourceRowHash", "createdAt", "updatedAt"]);
const content = Object.entries(getTableColumns(matches)).filter(([key]) => !NOT_CONTENT.has(key));

// Every stored content column in schema order. Numbers, booleans and the kickoff go into the
// hash as float64 bytes (no number-to-text conversion, which dominated the cost); text columns
// as text. Teams enter by canonical name so that a hash means the same in every database.
const NUMERIC = content.filter(([, c]) => c.dataType !== "string").map(([key]) => key as keyof Values);
const TEXT = content.filter(([, c]) => c.dataType === "string").map(([key]) => key as keyof Values);

const numbers = new Float64Array(NUMERIC.length);
const numberBytes = new Uint8Array(numbers.buffer);
let scratch = Buffer.alloc(1024);

/** sha256 of the normalised content a match row stores; equal hashes mean nothing to update. */
export function matchRowHash(match: ParsedMatch): string {
  for (let i = 0; i < NUMERIC.length; i++) {
    const v = match.values[NUMERIC[i]] as number | boolean | Date | null | undefined;
    numbers[i] = v === null || v === undefined ? NaN : v instanceof Date ? v.getTime() : Number(v);
  }
  let text = `${match.home.name}\u001f${match.away.name}`;
  for (const key of TEXT) {
    const v = match.values[key] as string | null | undefined;
    text += v === null || v === undefined ? "\u001f\u0000" : `\u001f${v}`;
  }
  // One buffer and one-shot hashing: the same bytes as hashing the numbers then the text.
  const length = numberBytes.length + Buffer.byteLength(text);
  if (length > scratch.length) scratch = Buffer.alloc(length * 2);
  scratch.set(numberBytes, 0);
  scratch.write(text, numberBytes.length);
  return hash("sha256", scratch.subarray(0, length), "hex");
}
