import net from "node:net";
import postgres from "postgres";

interface SocketOptions {
  host: string[];
  port: number[];
  /** A Unix socket path, when the URL names a directory as host. */
  path?: string | false;
}

/**
 * A postgres.js client whose TCP sockets have Nagle's algorithm off, as libpq's always do.
 * postgres.js leaves it on, and then a COPY (data, then CopyDone, then a wait for the answer)
 * stalls ~40 ms on the server's delayed ACK: 33 one-file COPY transactions took 3.0 s with it
 * on and 0.2 s with it off. Hosts are tried in turn, as postgres.js does itself.
 */
export function postgresClient(url: string, options: { max?: number } = {}): postgres.Sql {
  let attempt = 0;
  const socket = ({ host, port, path }: SocketOptions) => {
    if (path) return net.connect(path);
    const i = attempt++ % host.length;
    return net.connect({ host: host[i], port: port[i] ?? port[0], noDelay: true });
  };
  // `socket` is a documented option (a function returning a socket) missing from the types.
  return postgres(url, { max: options.max ?? 10, onnotice: () => {}, socket } as postgres.Options<Record<string, never>>);
}
