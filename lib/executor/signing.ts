import { createHmac, randomBytes } from "node:crypto";
import canonicalize from "canonicalize";
import { processSlot } from "@/lib/process-slot";

// Next.js may load this module once for instrumentation and again for the route bundle, and both
// copies must sign and verify with the same key.
const key = processSlot<string>("embedded-signing-key");

/**
 * The signing key of this process in embedded mode. Random per process and never written
 * anywhere, so only this process can produce requests the serve handler accepts.
 */
export function embeddedSigningKey(): string {
  return key.getOrCreate(() => `signkey-embedded-${randomBytes(32).toString("hex")}`);
}

/** The JSON form the SDK signs and verifies: RFC 8785 canonical JSON. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("Request body cannot be serialised to JSON");
  return text;
}

/**
 * The `X-Inngest-Signature` header for a body, as the SDK verifies it: HMAC-SHA256 of the body
 * followed by the Unix timestamp in seconds, keyed with the signing key minus its
 * `signkey-<env>-` prefix, hex encoded.
 */
export function signatureHeader(body: string, signingKey: string, now = Date.now()): string {
  const t = Math.round(now / 1000).toString();
  const key = signingKey.replace(/^signkey-\w+-/, "");
  const s = createHmac("sha256", key)
    .update(body + t)
    .digest("hex");
  return `t=${t}&s=${s}`;
}
