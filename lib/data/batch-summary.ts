import type { IngestBatch } from "@/db/schema";

/** What one ingest step did to one source file: small and JSON-serialisable (a step result). */
export interface BatchSummary {
  batchId: number | null;
  /** Publisher: "football-data.co.uk", "fixturedownload" or "football-data.org". */
  source: string;
  /** Bundled file path (relative to the project) or URL. */
  location: string;
  season: string | null;
  status: IngestBatch["status"];
  sha256: string | null;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  durationMs: number;
  /** Why the file failed, naming the URL or file. */
  error?: string;
  /** Whether trying the same file again later may succeed (network, 5xx, 429). */
  retriable?: boolean;
  /** The HTTP status a live source answered with, when it was an error status. */
  httpStatus?: number;
  /** The live source gave no answer at all (no network, host not found, nothing in time). */
  unreachable?: boolean;
}

/** Progress of an ETL run, for CLI lines and pipeline logs. */
export type EtlProgress =
  | {
      type: "file";
      summary: BatchSummary;
      index: number;
      total: number;
      /** A miss the run expects (a season not published yet, the network missing under auto): no failure. */
      expected?: boolean;
    }
  | { type: "retry"; location: string; attempt: number; delayMs: number; reason: string };

export type OnEtlProgress = (event: EtlProgress) => void | Promise<void>;
