import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  path: string;
  at: number;
  headers: http.IncomingHttpHeaders;
}

export interface LocalServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for a remote site (the network edge is the only
 * thing the data tests replace). Hanging connections are cut when it closes.
 */
export async function startLocalServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<LocalServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? "", at: performance.now(), headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
