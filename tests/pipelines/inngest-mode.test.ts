import { describe, expect, it } from "vitest";
import { inngestMode } from "@/lib/pipelines/inngest-mode";

describe("inngestMode", () => {
  it("is embedded with no Inngest variables", () => {
    expect(inngestMode({})).toBe("embedded");
  });

  it("is inngest with an event key, a dev server, or a signing key with a base URL", () => {
    expect(inngestMode({ INNGEST_EVENT_KEY: "key" })).toBe("inngest");
    expect(inngestMode({ INNGEST_DEV: "1" })).toBe("inngest");
    expect(inngestMode({ INNGEST_DEV: "http://127.0.0.1:8288" })).toBe("inngest");
    expect(inngestMode({ INNGEST_SIGNING_KEY: "signkey-prod-ab", INNGEST_BASE_URL: "http://inngest:8288" })).toBe(
      "inngest",
    );
  });

  it("stays embedded for a signing key alone, or INNGEST_DEV=0", () => {
    expect(inngestMode({ INNGEST_SIGNING_KEY: "signkey-prod-ab" })).toBe("embedded");
    expect(inngestMode({ INNGEST_DEV: "0" })).toBe("embedded");
    expect(inngestMode({ INNGEST_DEV: "false" })).toBe("embedded");
  });
});
