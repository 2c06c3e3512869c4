import type { BatchSummary } from "./batch-summary";
import { BUNDLED_SEASONS, FIRST_SEASON, seasonOfDate, seasonRange, type SeasonCode } from "./season-code";
import type { SeasonSourceKind } from "./season-source";

/**
 * Where an ETL reads results: `bundled` the snapshot in data/, `live` football-data.co.uk, `auto`
 * the snapshot for the seasons it has and football-data.co.uk for newer ones (today's season),
 * with the fixtures file's odds; offline, auto loads the snapshot alone.
 */
export type EtlSource = "auto" | SeasonSourceKind;

export interface PlannedSeason {
  season: SeasonCode;
  kind: SeasonSourceKind;
}

/** The seasons a run of `source` can load: the snapshot's, or every season up to today's. */
export function defaultSeasons(source: EtlSource, today = new Date()): SeasonCode[] {
  return source === "bundled" ? [...BUNDLED_SEASONS] : seasonRange(FIRST_SEASON, seasonOfDate(today));
}

/** Each season once (two transactions writing the same season at once would collide), with its file's source. */
export function planSeasons(source: EtlSource, seasons?: SeasonCode[], today = new Date()): PlannedSeason[] {
  const kind = (season: SeasonCode): SeasonSourceKind =>
    source === "auto" ? (BUNDLED_SEASONS.includes(season) ? "bundled" : "live") : source;
  return [...new Set(seasons ?? defaultSeasons(source, today))].map((season) => ({ season, kind: kind(season) }));
}

export interface EtlTotals {
  files: number;
  completed: number;
  skipped: number;
  failed: number;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

export function totalsOf(files: BatchSummary[]): EtlTotals {
  const sum = (k: keyof EtlTotals & keyof BatchSummary) => files.reduce((n, f) => n + (f[k] as number), 0);
  return {
    files: files.length,
    completed: files.filter((f) => f.status === "completed").length,
    skipped: files.filter((f) => f.status === "skipped").length,
    failed: files.filter((f) => f.status === "failed").length,
    rowsRead: sum("rowsRead"),
    inserted: sum("inserted"),
    updated: sum("updated"),
    unchanged: sum("unchanged"),
    quarantined: sum("quarantined"),
  };
}
