import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { fetchBytes, type FetchOptions } from "./http-fetch";
import type { SeasonCode } from "./season-code";
import { SourceError } from "./source-error";

export type SeasonSourceKind = "bundled" | "live";

export interface SourceOptions {
  /** Folder of the bundled snapshot; default `data` under the working directory. */
  dataDir?: string;
  /** Base of the live season files; default FOOTBALL_DATA_CO_UK_BASE_URL. */
  baseUrl?: string;
  http?: FetchOptions;
}

export interface SourceBytes {
  location: string;
  bytes: Uint8Array;
}

export const DEFAULT_DATA_DIR = "data";

/** Where a season's file lives: the bundled path, or `<base>/YYZZ/E0.csv`. */
export function seasonLocation(season: SeasonCode, kind: SeasonSourceKind, options: SourceOptions = {}): string {
  if (kind === "live") return `${options.baseUrl ?? env().FOOTBALL_DATA_CO_UK_BASE_URL}/${season}/E0.csv`;
  return path.join(options.dataDir ?? DEFAULT_DATA_DIR, "football-data-co-uk", `E0_${season}.csv`);
}

/** Reads a bundled file; a missing one is a SourceError naming the path. */
export async function readBundledFile(location: string): Promise<SourceBytes> {
  try {
    return { location, bytes: new Uint8Array(await fs.readFile(location)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such bundled file" : (error as Error).message;
    throw new SourceError(location, `Could not read ${location}: ${why}`, { retriable: false, cause: error });
  }
}

/** The bytes of one season's file from the bundled snapshot or football-data.co.uk. */
export async function readSeasonSource(
  season: SeasonCode,
  kind: SeasonSourceKind,
  options: SourceOptions = {},
): Promise<SourceBytes> {
  const location = seasonLocation(season, kind, options);
  if (kind === "bundled") return readBundledFile(location);
  const { bytes } = await fetchBytes(location, options.http);
  return { location, bytes };
}
