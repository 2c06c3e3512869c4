import { describe, expect, it } from "vitest";
import { detectPoolMode, postgresPoolSettings } from "@/db/pool-settings";

describe("pool settings", () => {
  it("detects the known pooled endpoints by address", () => {
    // Supabase: the transaction pooler on 6543, the session pooler on 5432 of the same host.
    expect(detectPoolMode("postgres://u:p@aws-0-eu-west-2.pooler.supabase.com:6543/postgres")).toBe("transaction");
    expect(detectPoolMode("postgres://u:p@aws-0-eu-west-2.pooler.supabase.com:5432/postgres")).toBe("session");
    // Neon: the pooled host's first label ends in -pooler; the direct host has no suffix.
    expect(detectPoolMode("postgresql://u:p@ep-cool-river-123-pooler.eu-west-2.aws.neon.tech/db")).toBe("transaction");
    expect(detectPoolMode("postgresql://u:p@ep-cool-river-123.eu-west-2.aws.neon.tech/db")).toBe("session");
    expect(detectPoolMode("postgres://postgres@127.0.0.1:5432/pl")).toBe("session");
    expect(detectPoolMode("postgres://postgres@my-pooler-host.internal:5432/pl")).toBe("session");
  });

  it("turns prepared statements and pipelining off in transaction mode, and an explicit mode wins over detection", () => {
    expect(postgresPoolSettings("postgres://h:6543/db")).toEqual({
      mode: "transaction",
      detected: true,
      prepare: false,
      pipeline: false,
      max: 10,
    });
    expect(postgresPoolSettings("postgres://h:6543/db", { mode: "session" })).toMatchObject({
      mode: "session",
      detected: false,
      prepare: true,
      pipeline: true,
    });
    expect(postgresPoolSettings("postgres://h:5432/db", { mode: "transaction" })).toMatchObject({ prepare: false });
  });

  it("sizes the pool: 10 connections, 3 on a serverless host, or DATABASE_POOL_MAX", () => {
    expect(postgresPoolSettings("postgres://h/db").max).toBe(10);
    expect(postgresPoolSettings("postgres://h/db", { serverless: true }).max).toBe(3);
    expect(postgresPoolSettings("postgres://h/db", { serverless: true, max: 1 }).max).toBe(1);
  });
});
