import { canonicalJson, signatureHeader } from "./signing";
import type { CallRequest, CallResult, SerializedError, ServeEndpoint, StepOp } from "./protocol";

// The handler is called in process; this URL only has to look like the route's own.
const SERVE_URL = "http://127.0.0.1/api/inngest";

/**
 * Speaks the Inngest SDK HTTP protocol to a serve handler in process: signed call requests
 * (POST) and in-band syncs (PUT), with answers parsed into plain results.
 */
export class ProtocolClient {
  constructor(
    private readonly endpoint: ServeEndpoint,
    private readonly signingKey: string,
  ) {}

  /** One call request: discover the next step(s) or run the step `request.stepId`. */
  async call(request: CallRequest): Promise<CallResult> {
    const url = new URL(SERVE_URL);
    url.searchParams.set("fnId", request.functionId);
    url.searchParams.set("stepId", request.stepId);
    const response = await this.send("POST", url, {
      event: request.event,
      events: [request.event],
      steps: request.steps,
      ctx: {
        run_id: request.runId,
        attempt: request.attempt,
        max_attempts: request.maxAttempts,
        disable_immediate_execution: request.disableImmediateExecution,
        use_api: false,
        stack: { stack: request.stack, current: request.stack.length },
      },
    });
    return parseCallResponse(response.status, response.headers, await response.text());
  }

  /** The app id and functions the handler serves, from an in-band sync (what Inngest would register). */
  async sync(): Promise<{ appId: string; functions: unknown[] }> {
    const response = await this.send(
      "PUT",
      new URL(SERVE_URL),
      { url: SERVE_URL },
      { "x-inngest-sync-kind": "in_band" },
    );
    const text = await response.text();
    if (response.status !== 200) {
      throw new Error(`The serve handler refused the executor's sync (HTTP ${response.status}): ${text.slice(0, 300)}`);
    }
    const { app_id: appId, functions } = JSON.parse(text) as { app_id?: unknown; functions?: unknown };
    if (typeof appId !== "string" || !Array.isArray(functions))
      throw new Error("The serve handler's sync answer has no app id or no functions list");
    return { appId, functions };
  }

  private send(method: "POST" | "PUT", url: URL, body: unknown, headers: Record<string, string> = {}) {
    const text = canonicalJson(body);
    return this.endpoint(
      new Request(url, {
        method,
        body: text,
        headers: {
          "content-type": "application/json",
          "x-inngest-signature": signatureHeader(text, this.signingKey),
          ...headers,
        },
      }),
    );
  }
}

/** Turns a call request's HTTP answer into a result (SDK spec 4.4.3 and 5.1). */
export function parseCallResponse(status: number, headers: Headers, text: string): CallResult {
  const retryAfter = parseRetryAfter(headers.get("retry-after"));
  const body = parseJson(text);
  if (status === 206) {
    if (!Array.isArray(body)) throw new Error(`A 206 answer must be a list of step ops; got ${text.slice(0, 200)}`);
    return { kind: "ops", ops: body as StepOp[], retryAfter };
  }
  if (status === 200) return { kind: "completed", output: body ?? null };
  if (status === 401) {
    return {
      kind: "rejected",
      status,
      retriable: false,
      error: { name: "SignatureRejected", message: "The serve handler rejected the executor's signed request (401)" },
    };
  }
  return {
    kind: "rejected",
    status,
    retriable: headers.get("x-inngest-no-retry") !== "true",
    retryAfter,
    error: toSerializedError(body, `HTTP ${status}: ${text.slice(0, 300)}`),
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Accepts the SDK's error shape, a step-not-found `{ error }` body, or anything else. */
export function toSerializedError(value: unknown, fallback: string): SerializedError {
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    const message = typeof v.message === "string" ? v.message : typeof v.error === "string" ? v.error : undefined;
    if (message !== undefined) {
      return {
        name: typeof v.name === "string" ? v.name : "Error",
        message,
        stack: typeof v.stack === "string" ? v.stack : undefined,
      };
    }
  }
  return { name: "Error", message: fallback };
}

/** `Retry-After` as seconds or an ISO 8601 / HTTP date (SDK spec 4.1.1). */
export function parseRetryAfter(value: string | null, now = Date.now()): Date | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return new Date(now + Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}
