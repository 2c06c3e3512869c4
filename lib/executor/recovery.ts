import type { Logger } from "pino";
import type { Database } from "@/db/client";
import { claimAbandonedRun, failRun, findAbandonedRuns, findQueuedRuns } from "@/lib/runs/run-store";
import type { ExecutorFunction } from "./function-config";
import type { QueuedWork } from "./run-queue";

interface RecoveryInput {
  db: Database;
  ownerId: string;
  /** A running run whose heartbeat is older than this belongs to a dead executor. */
  staleAfterMs: number;
  functions: readonly ExecutorFunction[];
  enqueue: (functionId: string, item: QueuedWork, options?: { front?: boolean }) => void;
  logger: Logger;
}

/**
 * Takes over runs a dead executor left `running` (queued first, to resume before new work) and
 * queued runs nobody drives. A run whose function is no longer served is failed, saying so.
 */
export async function recoverRuns({
  db,
  ownerId,
  staleAfterMs,
  functions,
  enqueue,
  logger,
}: RecoveryInput): Promise<void> {
  const byId = new Map(functions.map((fn) => [fn.id, fn]));
  const staleBefore = new Date(Date.now() - staleAfterMs);
  for (const run of await findAbandonedRuns({ db, ownerId, staleBefore, executor: "embedded" })) {
    if (!byId.has(run.functionId)) {
      await failRun({ db, id: run.id, error: `Cannot resume: function "${run.functionId}" is no longer served` });
      continue;
    }
    if (!(await claimAbandonedRun({ db, run, ownerId }))) continue;
    logger.info({ runId: run.id, functionId: run.functionId, previousOwner: run.ownerId }, "resuming an abandoned run");
    enqueue(run.functionId, { runId: run.id, kind: "resume" }, { front: true });
  }
  for (const run of await findQueuedRuns({ db, executor: "embedded" })) {
    if (byId.has(run.functionId)) enqueue(run.functionId, { runId: run.id, kind: "start" });
    else await failRun({ db, id: run.id, error: `Cannot start: function "${run.functionId}" is not served` });
  }
}
