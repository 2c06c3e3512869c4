/** A unit of work: start a queued run, or go on with one this executor already owns. */
export interface QueuedWork {
  runId: string;
  kind: "start" | "resume";
}

interface Lane {
  limit: number | null;
  active: number;
  waiting: QueuedWork[];
}

/**
 * Per-function FIFO queues that honour each function's concurrency limit: work beyond the
 * limit waits until a slot frees. A slot is held while a run is being driven, not while it
 * sleeps (as in Inngest, where concurrency counts executing steps).
 */
export class RunQueue {
  private readonly lanes = new Map<string, Lane>();
  private readonly known = new Set<string>();
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly work: (functionId: string, item: QueuedWork) => Promise<void>) {}

  setLimit(functionId: string, limit: number | null): void {
    this.lane(functionId).limit = limit;
  }

  /** Adds work unless the run is already queued or being driven; `front` jumps the line (resumes). */
  enqueue(functionId: string, item: QueuedWork, { front = false } = {}): void {
    if (this.known.has(item.runId)) return;
    this.known.add(item.runId);
    const lane = this.lane(functionId);
    if (front) lane.waiting.unshift(item);
    else lane.waiting.push(item);
    this.pump(functionId);
  }

  /** Resolves when nothing is queued or being driven. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Forgets queued work (the executor stopped); runs being driven finish on their own. */
  clear(): void {
    for (const lane of this.lanes.values()) {
      for (const item of lane.waiting) this.known.delete(item.runId);
      lane.waiting = [];
    }
    this.notifyIfIdle();
  }

  private lane(functionId: string): Lane {
    let lane = this.lanes.get(functionId);
    if (!lane) {
      lane = { limit: null, active: 0, waiting: [] };
      this.lanes.set(functionId, lane);
    }
    return lane;
  }

  private pump(functionId: string): void {
    const lane = this.lane(functionId);
    while (lane.waiting.length && (lane.limit === null || lane.active < lane.limit)) {
      const item = lane.waiting.shift()!;
      lane.active += 1;
      void this.work(functionId, item).finally(() => {
        lane.active -= 1;
        this.known.delete(item.runId);
        this.pump(functionId);
        this.notifyIfIdle();
      });
    }
  }

  private isIdle(): boolean {
    return [...this.lanes.values()].every((lane) => lane.active === 0 && lane.waiting.length === 0);
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
