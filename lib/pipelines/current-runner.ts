import { getRunner, type Runner } from "@/lib/executor/runner";
import { inngestMode } from "./inngest-mode";

/** This process's runner; without one, an error saying which runner this process should have started. */
export function currentRunner(): Runner {
  const runner = getRunner();
  if (runner) return runner;
  throw new Error(
    inngestMode() === "embedded"
      ? "No Inngest is configured and the embedded executor is not running in this process"
      : "Inngest is configured, but this process has not started its Inngest runner",
  );
}
