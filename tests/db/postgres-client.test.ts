import net from "node:net";
import { describe, expect, it } from "vitest";
import { postgresClient } from "@/db/postgres-client";

/**
 * A stand-in server that accepts Postgres's SSLRequest ('S') and records the TLS ClientHello
 * that follows, then hangs up: enough to see what the client sends, with no certificate.
 */
async function tlsProbe(): Promise<{ port: number; hello: Promise<Buffer>; close: () => void }> {
  let resolveHello!: (b: Buffer) => void;
  const hello = new Promise<Buffer>((resolve) => (resolveHello = resolve));
  const server = net.createServer((socket) => {
    let stage: "ssl-request" | "hello" = "ssl-request";
    socket.on("data", (chunk) => {
      if (stage === "ssl-request") {
        stage = "hello";
        socket.write("S");
      } else {
        resolveHello(chunk);
        socket.destroy();
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, hello, close: () => server.close() };
}

describe("postgresClient", () => {
  it("sends the host name in TLS (SNI) through its own sockets, as postgres.js does", async () => {
    const probe = await tlsProbe();
    // A name, not 127.0.0.1: SNI carries names, never addresses.
    const sql = postgresClient(`postgres://u@localhost:${probe.port}/db?sslmode=require`, { max: 1 });
    const query = sql`select 1`.catch((error: Error) => error);
    try {
      const hello = await Promise.race([
        probe.hello,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no ClientHello within 5 s")), 5_000)),
      ]);
      // The server_name extension: type 0x0000, then lengths, then name type 0 and the name.
      expect(hello.includes(Buffer.concat([Buffer.from([0x00, 0x00, 0x09]), Buffer.from("localhost")]))).toBe(true);
    } finally {
      await query;
      await sql.end({ timeout: 1 });
      probe.close();
    }
  });

  it("names host and port when the server cannot be reached", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const sql = postgresClient(`postgres://u@127.0.0.1:${port}/db`, { max: 1 });
    await expect(sql`select 1`).rejects.toThrow(new RegExp(`ECONNREFUSED.*127\\.0\\.0\\.1:${port}`));
    await sql.end({ timeout: 1 });
  });
});
