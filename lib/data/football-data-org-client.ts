import { env } from "@/lib/env";
import { orgMatchesResponseSchema } from "./football-data-org-schema";
import { fetchBytes, type FetchOptions } from "./http-fetch";
import { FileFormatError, SourceAuthError, SourceError } from "./source-error";

export interface OrgClientOptions {
  /** Default FOOTBALL_DATA_ORG_TOKEN. */
  token?: string;
  /** Default FOOTBALL_DATA_ORG_BASE_URL (…/v4). */
  baseUrl?: string;
  http?: FetchOptions;
}

export interface OrgMatchesPage {
  url: string;
  bytes: Uint8Array;
  matches: unknown[];
}

/** The URL of a competition's matches for a season (its start year, e.g. 2026 for 2026/27). */
export function competitionMatchesUrl(
  seasonStartYear: number,
  options: { baseUrl?: string; competition?: string } = {},
): string {
  const base = options.baseUrl ?? env().FOOTBALL_DATA_ORG_BASE_URL;
  return `${base}/competitions/${options.competition ?? "PL"}/matches?season=${seasonStartYear}`;
}

/**
 * GET /v4/competitions/PL/matches?season=YYYY with the X-Auth-Token header. 429 waits for
 * Retry-After and tries again (fetchBytes); 401/403 throw SourceAuthError ("bad token"); an
 * answer that is not the v4 JSON shape throws FileFormatError.
 */
export async function fetchCompetitionMatches(
  seasonStartYear: number,
  options: OrgClientOptions = {},
): Promise<OrgMatchesPage> {
  const url = competitionMatchesUrl(seasonStartYear, options);
  const token = options.token ?? env().FOOTBALL_DATA_ORG_TOKEN;
  if (!token) throw new SourceAuthError(url, "football-data.org needs a token: set FOOTBALL_DATA_ORG_TOKEN", 401);
  let bytes: Uint8Array;
  try {
    ({ bytes } = await fetchBytes(url, {
      ...options.http,
      headers: { ...options.http?.headers, "X-Auth-Token": token },
    }));
  } catch (error) {
    if (error instanceof SourceError && (error.status === 401 || error.status === 403)) {
      throw new SourceAuthError(
        url,
        `football-data.org refused the token (HTTP ${error.status}) for ${url}: check FOOTBALL_DATA_ORG_TOKEN and its plan`,
        error.status,
      );
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new FileFormatError(url, "the answer is not JSON");
  }
  const parsed = orgMatchesResponseSchema.safeParse(json);
  if (!parsed.success) throw new FileFormatError(url, "the answer has no `matches` list (not a v4 matches response)");
  return { url, bytes, matches: parsed.data.matches };
}
