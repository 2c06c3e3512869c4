import http from "node:http";
import { processSlot } from "@/lib/process-slot";

/** Set on every incoming request from the socket itself; a client cannot supply it. */
export const REMOTE_ADDRESS_HEADER = "x-pl-remote-address";

const installed = processSlot<boolean>("remote-address-header");

/**
 * Next.js keeps a client-sent X-Forwarded-For, so it cannot prove where a request came from.
 * This stamps the socket's peer address on every request (overwriting anything the client
 * sent) before Next.js sees it, so route handlers and server actions can tell loopback callers.
 */
export function installRemoteAddressHeader(): void {
  if (installed.get()) return;
  installed.set(true);
  const emit = http.Server.prototype.emit as (this: http.Server, event: string, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[REMOTE_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const a = address
    .trim()
    .toLowerCase()
    .replace(/^::ffff:/, "");
  return a === "::1" || /^127(\.\d{1,3}){3}$/.test(a);
}
