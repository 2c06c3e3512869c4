import { ApiError, badRequest } from "./errors";

/** Default cap on a request body: every documented body fits in a few hundred bytes. */
export const DEFAULT_BODY_LIMIT_BYTES = 16 * 1024;

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("payload_too_large", "api", `Request body is larger than ${maxBytes} bytes`, {
    details: { maxBytes },
  });
}

// JSON types, and text/plain: what fetch() sends for a string body when no type is set.
const JSON_TYPE = /^(application\/([\w.+-]*\+)?json|text\/plain)\s*(;|$)/i;

/**
 * The body as text, refused with 413 past `maxBytes` (by Content-Length when declared, else while
 * streaming, so a chunked body is never buffered whole), with 415 when a non-empty body declares a
 * type that is not JSON (a form, say: `curl -d` sends one), and with 400 when it is not UTF-8.
 */
export async function readBodyText(request: Request, maxBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (total === 0) return "";
  const type = request.headers.get("content-type");
  if (type && !JSON_TYPE.test(type)) {
    throw new ApiError(
      "unsupported_media_type",
      "api",
      `Send the body as JSON with Content-Type: application/json (got ${type})`,
      {
        issues: [{ field: "(header) content-type", message: "must be application/json" }],
      },
    );
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badRequest("Request body is not valid UTF-8", [{ field: "(body)", message: "not valid UTF-8" }]);
  }
}
