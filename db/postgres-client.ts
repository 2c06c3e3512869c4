import net from "node:net";
import postgres from "postgres";

interface SocketOptions {
  host: string[];
  port: number[];
  /** A Unix socket path, when the URL names a directory as host. */
  path?: string | false;
}

type PgSocket = net.Socket & { host?: string; port?: number };

/**
 * A postgres.js client whose TCP sockets have Nagle's algorithm off, as libpq's always do.
 * postgres.js leaves it on, and then a COPY (data, then CopyDone, then a wait for the answer)
 * stalls ~40 ms on the server's delayed ACK: 33 one-file COPY transactions took 3.0 s with it
 * on and 0.2 s with it off. A URL naming several hosts keeps postgres.js's own sockets, which try
 * the hosts in order for each connection (a socket factory cannot know which host a connection
 * is on).
 */
export function postgresClient(
  url: string,
  options: { max?: number; prepare?: boolean; pipeline?: boolean } = {},
): postgres.Sql {
  // Behind a transaction-mode pooler (db/pool-settings.ts), `prepare: false`: the next query may
  // run on a server connection that never saw the statement; and `max_pipeline: 0` (an option the
  // types omit): a query written before the previous one's answer may reach a server connection
  // the pooler has already handed on, and then never be answered.
  const base = {
    max: options.max ?? 10,
    prepare: options.prepare ?? true,
    ...(options.pipeline === false ? { max_pipeline: 0 } : {}),
    onnotice: () => {},
  } as postgres.Options<Record<string, never>>;
  if (/^[^:]+:\/\/[^/?#]*,/.test(url)) return postgres(url, base);
  const socket = ({ host, port, path }: SocketOptions): net.Socket => {
    if (path) return net.connect(path);
    const s: PgSocket = net.connect({ host: host[0], port: port[0], noDelay: true });
    // postgres.js reads these from its socket: TLS sends host as the server name (SNI), and
    // connection errors name host:port.
    s.host = host[0];
    s.port = port[0];
    return s;
  };
  // `socket` is a documented option (a function returning a socket) missing from the types.
  return postgres(url, { ...base, socket } as postgres.Options<Record<string, never>>);
}
