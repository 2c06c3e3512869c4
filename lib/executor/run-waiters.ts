import type { PipelineRun } from "@/db/schema";

/** Callers waiting for runs to finish, resolved with the final row. */
export class RunWaiters {
  private readonly waiting = new Map<
    string,
    { resolve: (run: PipelineRun) => void; reject: (error: Error) => void }[]
  >();

  wait(runId: string): Promise<PipelineRun> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(runId) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(runId, list);
    });
  }

  resolve(runId: string, run: PipelineRun): void {
    for (const waiter of this.waiting.get(runId) ?? []) waiter.resolve(run);
    this.waiting.delete(runId);
  }

  reject(runId: string, error: Error): void {
    for (const waiter of this.waiting.get(runId) ?? []) waiter.reject(error);
    this.waiting.delete(runId);
  }

  rejectAll(error: Error): void {
    for (const list of this.waiting.values()) for (const waiter of list) waiter.reject(error);
    this.waiting.clear();
  }
}
