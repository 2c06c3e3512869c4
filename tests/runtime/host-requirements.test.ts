import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { assertHostSupported } from "@/lib/server/host-requirements";

const postgres = "postgres://app:secret@db.example.com:6543/pl";

function issuesOf(variables: Record<string, string>): string[] {
  try {
    assertHostSupported(parseEnv(variables));
    return [];
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return error.issues.map((i) => `${i.variable}: ${i.message}`);
  }
}

describe("what a serverless host needs", () => {
  it("asks nothing of a server or container: the embedded database and executor are fine there", () => {
    expect(issuesOf({})).toEqual([]);
  });

  it("on Vercel refuses the embedded database and the embedded executor, naming both variables", () => {
    const issues = issuesOf({ VERCEL: "1" });
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(
      /^DATABASE_URL: required on a serverless host \(VERCEL is set\): its file system is read-only/,
    );
    expect(issues[1]).toMatch(
      /^INNGEST_EVENT_KEY: required on a serverless host \(VERCEL is set\): the embedded executor/,
    );
  });

  it("on AWS Lambda names that variable", () => {
    expect(issuesOf({ AWS_LAMBDA_FUNCTION_NAME: "pl-app", DATABASE_URL: postgres })).toEqual([
      expect.stringMatching(/^INNGEST_EVENT_KEY: required on a serverless host \(AWS_LAMBDA_FUNCTION_NAME is set\)/),
    ]);
  });

  it("accepts Postgres with Inngest Cloud, or with a self-hosted Inngest", () => {
    const cloud = {
      VERCEL: "1",
      DATABASE_URL: postgres,
      INNGEST_EVENT_KEY: "e",
      INNGEST_SIGNING_KEY: "signkey-prod-ab",
    };
    expect(issuesOf(cloud)).toEqual([]);
    expect(
      issuesOf({
        VERCEL: "1",
        DATABASE_URL: postgres,
        INNGEST_SIGNING_KEY: "ab",
        INNGEST_BASE_URL: "https://inngest.example.com",
      }),
    ).toEqual([]);
  });

  it("does not take a signing key alone for Inngest, as the executor's own rule says", () => {
    expect(issuesOf({ VERCEL: "1", DATABASE_URL: postgres, INNGEST_SIGNING_KEY: "ab" })).toEqual([
      expect.stringMatching(/^INNGEST_EVENT_KEY:/),
    ]);
  });
});
