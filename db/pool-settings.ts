/**
 * `session`: each client connection is one server connection (a plain Postgres, a session pooler).
 * `transaction`: a pooler hands the server connection to another client after every transaction
 * (PgBouncer, Supavisor or Neon in transaction mode), so nothing may outlive a transaction:
 * no prepared statements, no session settings, no query sent before the last one's answer.
 */
export type PoolMode = "session" | "transaction";

export interface PoolSettings {
  mode: PoolMode;
  /** Whether the mode was read from the URL rather than set by DATABASE_POOL_MODE. */
  detected: boolean;
  /** postgres.js's `prepare`: named prepared statements, which a transaction pooler loses. */
  prepare: boolean;
  /** Whether postgres.js may write a query before the previous one on its connection is answered. */
  pipeline: boolean;
  max: number;
}

/** Default pool size: a serverless host runs many instances, each with its own pool. */
export const DEFAULT_POOL_MAX = 10;
export const SERVERLESS_POOL_MAX = 3;

/**
 * The pool mode a URL's address implies: Supabase's transaction pooler listens on port 6543, and
 * Neon's pooled endpoints have a host whose first label ends in `-pooler`. Anything else is taken
 * for a server that keeps sessions; set DATABASE_POOL_MODE=transaction for other poolers.
 */
export function detectPoolMode(url: string): PoolMode {
  try {
    const u = new URL(url);
    if (u.port === "6543") return "transaction";
    if (u.hostname.split(".")[0].endsWith("-pooler")) return "transaction";
  } catch {}
  return "session";
}

/** How postgres.js should talk to the server at `url`: an explicit mode wins over detection. */
export function postgresPoolSettings(
  url: string,
  options: { mode?: PoolMode; max?: number; serverless?: boolean } = {},
): PoolSettings {
  const mode = options.mode ?? detectPoolMode(url);
  return {
    mode,
    detected: options.mode === undefined,
    prepare: mode === "session",
    pipeline: mode === "session",
    max: options.max ?? (options.serverless ? SERVERLESS_POOL_MAX : DEFAULT_POOL_MAX),
  };
}
