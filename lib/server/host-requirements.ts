import { EnvError, serverlessHost, type Env } from "@/lib/env";
import { inngestMode } from "@/lib/pipelines/inngest-mode";

/**
 * What cannot work on a serverless host (Vercel, AWS Lambda): every instance is short-lived and
 * its file system read-only, so the embedded database has nowhere to live and the embedded
 * executor no process to run in. Throws an EnvError naming each missing variable; elsewhere
 * (a server, a container) nothing is required.
 */
export function assertHostSupported(e: Env): void {
  const host = serverlessHost(e);
  if (!host) return;
  const on = `required on a serverless host (${host} is set)`;
  const issues: { variable: string; message: string }[] = [];
  if (!e.DATABASE_URL) {
    issues.push({
      variable: "DATABASE_URL",
      message:
        `${on}: its file system is read-only and no process keeps an embedded database between requests. ` +
        "Set it to a Postgres URL (behind a transaction-mode pooler, also DATABASE_POOL_MODE=transaction)",
    });
  }
  if (inngestMode(e) === "embedded") {
    issues.push({
      variable: "INNGEST_EVENT_KEY",
      message:
        `${on}: the embedded executor needs a process that lives on between requests. Set INNGEST_EVENT_KEY ` +
        "and INNGEST_SIGNING_KEY (Inngest Cloud), or INNGEST_SIGNING_KEY with INNGEST_BASE_URL (self-hosted Inngest)",
    });
  }
  if (issues.length > 0) throw new EnvError(issues);
}
