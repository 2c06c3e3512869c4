import { describe, expect, it } from "vitest";
import { GET, POST, PUT } from "@/app/api/inngest/route";
import { canonicalJson, embeddedSigningKey, signatureHeader } from "@/lib/executor/signing";
import type { NextRequest } from "next/server";

const url = "http://127.0.0.1:3000/api/inngest?fnId=pl-mlops-etl&stepId=step";
const body = canonicalJson({
  event: { name: "pipeline/etl.requested", data: {} },
  events: [],
  steps: {},
  ctx: { run_id: "r1", attempt: 0 },
});

function request(method: string, headers: Record<string, string> = {}, target = url, text: string | null = body) {
  return new Request(target, {
    method,
    body: text,
    headers: { "content-type": "application/json", ...headers },
  }) as NextRequest;
}

describe("app/api/inngest in embedded mode", () => {
  it("rejects an unsigned POST", async () => {
    const res = await POST(request("POST"), undefined);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "Unauthorized" });
  });

  it("rejects a POST signed with another key, or with a valid signature over another body", async () => {
    const forged = await POST(
      request("POST", { "x-inngest-signature": signatureHeader(body, `signkey-prod-${"00".repeat(32)}`) }),
      undefined,
    );
    expect(forged.status).toBe(401);
    const replayed = await POST(
      request("POST", { "x-inngest-signature": signatureHeader("{}", embeddedSigningKey()) }),
      undefined,
    );
    expect(replayed.status).toBe(401);
  });

  it("rejects an unsigned introspection GET and an unsigned sync PUT", async () => {
    expect((await GET(request("GET", {}, url, null), undefined)).status).toBe(401);
    expect((await PUT(request("PUT", {}, "http://127.0.0.1:3000/api/inngest", "{}"), undefined)).status).toBe(401);
  });

  it("lets a request signed with this process's embedded key through to the functions", async () => {
    const res = await POST(
      request("POST", { "x-inngest-signature": signatureHeader(body, embeddedSigningKey()) }),
      undefined,
    );
    // Past the signature check, the etl function runs its first step (which reads no database).
    expect(res.status).toBe(206);
    const ops = (await res.json()) as { op: string; name?: string; displayName?: string }[];
    expect(ops[0]).toMatchObject({ op: "StepRun" });
    expect(JSON.stringify(ops[0])).toContain("plan sources");
  });
});
