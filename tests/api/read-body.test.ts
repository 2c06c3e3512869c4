import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { readBodyText } from "@/lib/api/read-body";

async function statusOf(request: Request, max = 10): Promise<number | string> {
  try {
    return await readBodyText(request, max);
  } catch (error) {
    return (error as ApiError).status;
  }
}

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });

describe("readBodyText", () => {
  it("reads a JSON body within the limit, and an empty body as empty", async () => {
    expect(
      await statusOf(
        new Request("http://x/", {
          method: "POST",
          body: '{"a":1}',
          headers: { "content-type": "application/json; charset=utf-8" },
        }),
      ),
    ).toBe('{"a":1}');
    expect(await statusOf(new Request("http://x/", { method: "POST" }))).toBe("");
    expect(await statusOf(new Request("http://x/", { method: "POST", body: "{}" }))).toBe("{}");
  });

  it("refuses a body over the limit, declared or streamed without a length", async () => {
    expect(await statusOf(new Request("http://x/", { method: "POST", body: "x".repeat(11) }))).toBe(413);
    const chunked = new Request("http://x/", {
      method: "POST",
      body: streamOf("12345", "67890", "1"),
      duplex: "half",
    } as RequestInit);
    expect(chunked.headers.get("content-length")).toBeNull();
    expect(await statusOf(chunked)).toBe(413);
  });

  it("refuses a non-JSON content type and bytes that are not UTF-8", async () => {
    expect(
      await statusOf(
        new Request("http://x/", {
          method: "POST",
          body: "a=1",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      ),
    ).toBe(415);
    expect(
      await statusOf(
        new Request("http://x/", { method: "POST", body: "<a/>", headers: { "content-type": "application/xml" } }),
      ),
    ).toBe(415);
    expect(await statusOf(new Request("http://x/", { method: "POST", body: new Uint8Array([0x7b, 0xff, 0x7d]) }))).toBe(
      400,
    );
  });
});
