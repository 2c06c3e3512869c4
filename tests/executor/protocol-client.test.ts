import { describe, expect, it } from "vitest";
import { parseCallResponse, parseRetryAfter } from "@/lib/executor/protocol-client";

const headers = (h: Record<string, string> = {}) => new Headers(h);

describe("parseCallResponse", () => {
  it("reads a 206 as step ops and a 200 as the run's output", () => {
    const ops = [{ id: "abc", op: "StepRun", data: { n: 1 } }];
    expect(parseCallResponse(206, headers(), JSON.stringify(ops))).toEqual({ kind: "ops", ops, retryAfter: undefined });
    expect(parseCallResponse(200, headers(), '{"rows":3}')).toEqual({ kind: "completed", output: { rows: 3 } });
    expect(parseCallResponse(200, headers(), "")).toEqual({ kind: "completed", output: null });
  });

  it("reads retriable and non-retriable rejections from X-Inngest-No-Retry", () => {
    const body = JSON.stringify({ name: "TypeError", message: "x is undefined", stack: "TypeError: x…" });
    expect(parseCallResponse(500, headers({ "x-inngest-no-retry": "false" }), body)).toEqual({
      kind: "rejected",
      status: 500,
      retriable: true,
      retryAfter: undefined,
      error: { name: "TypeError", message: "x is undefined", stack: "TypeError: x…" },
    });
    expect(parseCallResponse(400, headers({ "x-inngest-no-retry": "true" }), body)).toMatchObject({
      kind: "rejected",
      retriable: false,
    });
  });

  it("keeps the message of a step-not-found answer and of a non-JSON body", () => {
    const notFound = parseCallResponse(
      500,
      headers(),
      JSON.stringify({ error: 'Could not find step "s3" to run; timed out.' }),
    );
    expect(notFound).toMatchObject({
      retriable: true,
      error: { name: "Error", message: 'Could not find step "s3" to run; timed out.' },
    });
    expect(parseCallResponse(502, headers(), "Bad Gateway")).toMatchObject({
      error: { message: "HTTP 502: Bad Gateway" },
    });
  });

  it("treats 401 as a signature the handler refused, never retried", () => {
    expect(parseCallResponse(401, headers(), '{"message":"Unauthorized"}')).toMatchObject({
      kind: "rejected",
      retriable: false,
      error: { name: "SignatureRejected" },
    });
  });

  it("refuses a 206 that is not a list", () => {
    expect(() => parseCallResponse(206, headers(), '{"op":"StepRun"}')).toThrow(/must be a list of step ops/);
  });
});

describe("parseRetryAfter", () => {
  it("accepts seconds and ISO 8601 dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("30", now)?.toISOString()).toBe("2026-01-01T00:00:30.000Z");
    expect(parseRetryAfter("2026-01-01T01:00:00Z", now)?.toISOString()).toBe("2026-01-01T01:00:00.000Z");
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
