import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Database } from "@/db/client";
import { isFinishedRunStatus } from "@/db/run-status";
import type { PipelineRun } from "@/db/schema";
import { logger as rootLogger } from "@/lib/logger";
import { errorText } from "@/lib/runs/run-errors";
import { claimQueuedRun, createRun, failRun, getRun, heartbeat, type RunTrigger } from "@/lib/runs/run-store";
import { exponentialBackoff, type Backoff } from "./backoff";
import { checkServedFunctions } from "./check-functions";
import { CronScheduler, type CronSchedule } from "./cron-schedules";
import { normalizeEvents, type EventInput } from "./event-input";
import { parseFunctionConfigs, type ExecutorFunction } from "./function-config";
import { CRON_EVENT_NAME, type InngestEvent, type ServeEndpoint } from "./protocol";
import { ProtocolClient } from "./protocol-client";
import { driveRun, type DriveOutcome } from "./run-driver";
import { eventOfRun } from "./run-event";
import { eventTargets } from "./event-targets";
import { recoverRuns } from "./recovery";
import { RunQueue, type QueuedWork } from "./run-queue";
import { RunWaiters } from "./run-waiters";
import type { DispatchOptions, DispatchResult, Runner } from "./runner";

export interface EmbeddedExecutorOptions {
  /** Where runs, steps and logs are recorded. */
  db: Database;
  /** The project's serve handler (POST/PUT of app/api/inngest) as a function of a Request. */
  endpoint: ServeEndpoint;
  /** The key the serve handler verifies signatures with. */
  signingKey: string;
  /** Run cron triggers (SCHEDULES). Default false. */
  schedules?: boolean;
  backoff?: Backoff;
  /** How often owned runs are marked alive and abandoned ones looked for. Default 10 s. */
  heartbeatMs?: number;
  /** A running run whose heartbeat is older than this belongs to a dead executor. Default 30 s. */
  staleAfterMs?: number;
  /** Steps a run may finish before it is failed; default 1000, Inngest's limit. */
  maxSteps?: number;
  /**
   * Drive only runs dispatched here with trigger `manual` (the CLI's single commands): runs that
   * events or crons create are recorded as queued and left for the server, and no other
   * executor's runs are recovered. Default false.
   */
  manualOnly?: boolean;
  logger?: Logger;
}

/**
 * The single-process Inngest executor: drives the project's serve handler over the SDK HTTP
 * protocol, records runs and steps in Postgres, queues events per function under its
 * concurrency limit, runs cron triggers, and resumes runs a dead process left behind.
 */
export class EmbeddedExecutor implements Runner {
  readonly kind = "embedded";
  readonly ownerId = `embedded-${randomUUID()}`;
  private served: ExecutorFunction[] = [];
  private readonly client: ProtocolClient;
  private readonly queue = new RunQueue((functionId, item) => this.work(functionId, item));
  private readonly waiters = new RunWaiters();
  private readonly abort = new AbortController();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly logger: Logger;
  private readonly backoff: Backoff;
  private cron?: CronScheduler;
  private dispatching: Promise<unknown> = Promise.resolve();
  private synced?: Promise<void>;

  constructor(private readonly options: EmbeddedExecutorOptions) {
    this.client = new ProtocolClient(options.endpoint, options.signingKey);
    this.logger = (options.logger ?? rootLogger).child({ component: "embedded-executor" });
    this.backoff = options.backoff ?? exponentialBackoff();
  }

  /** Reads the served functions from the handler, then starts heartbeat, recovery and crons. */
  async start(): Promise<void> {
    this.synced = this.client.sync().then(({ appId, functions }) => {
      this.served = parseFunctionConfigs(appId, functions);
    });
    await this.synced;
    checkServedFunctions(this.served, this.logger);
    for (const fn of this.served) this.queue.setLimit(fn.id, fn.concurrency);
    await this.recover();
    const beat = setInterval(() => void this.tick(), this.options.heartbeatMs ?? 10_000);
    beat.unref();
    this.timers.add(beat);
    this.cron = new CronScheduler(
      this.served,
      this.options.schedules ?? false,
      (fn, cron) => void this.fireCron(fn, cron),
    );
    this.cron.start();
    this.logger.info(
      { functions: this.served.map((f) => f.id), schedules: this.options.schedules ?? false },
      "embedded executor started",
    );
  }

  /**
   * Stops at once, like a process exit: no new work, no timers; runs in flight are left
   * `running` and their later results are not recorded. The next executor resumes them.
   */
  async stop(): Promise<void> {
    this.abort.abort();
    this.cron?.stop();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queue.clear();
    this.waiters.rejectAll(new Error("The embedded executor stopped"));
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** The served functions as the executor understood them. */
  servedFunctions(): readonly ExecutorFunction[] {
    return this.served;
  }

  async functions(): Promise<readonly ExecutorFunction[]> {
    await this.synced;
    return this.served;
  }

  /** Cron triggers with their next run times (the dashboard's schedule). */
  async schedules(from = new Date(), count = 3): Promise<CronSchedule[]> {
    return this.cron?.schedules(from, count) ?? [];
  }

  /**
   * Sends events: a queued run for every function each event triggers. Calls are serialised,
   * so concurrent dedupe dispatches agree on one run.
   */
  async dispatch(input: EventInput | EventInput[], options: DispatchOptions = {}): Promise<DispatchResult> {
    const events = normalizeEvents(input);
    const next = this.dispatching.then(() => this.dispatchNow(events, options));
    this.dispatching = next.catch(() => undefined);
    return next;
  }

  /** Resolves with the run's row once it has completed or failed; rejects if the executor stops first. */
  async waitForRun(runId: string): Promise<PipelineRun> {
    // Wait first, then look: a run that finishes in between still resolves the wait.
    const waiting = this.waiters.wait(runId);
    const run = await getRun({ db: this.options.db, id: runId });
    if (!run) this.waiters.reject(runId, new Error(`Run ${runId} does not exist`));
    else if (isFinishedRunStatus(run.status)) this.waiters.resolve(runId, run);
    return waiting;
  }

  /** Resolves when no run is queued or being driven (sleeping runs do not count). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async dispatchNow(events: InngestEvent[], options: DispatchOptions): Promise<DispatchResult> {
    if (!this.synced) throw new Error("The embedded executor has not been started; events cannot be dispatched");
    await this.synced;
    if (this.stopped) throw new Error("The embedded executor stopped; events cannot be dispatched");
    const runIds: string[] = [];
    const existingRunIds: string[] = [];
    for (const event of events) {
      const targets = await eventTargets(this.options.db, event, this.served, options.dedupe ?? false);
      existingRunIds.push(...targets.existingRunIds);
      runIds.push(...targets.existingRunIds);
      for (const fn of targets.start) runIds.push(await this.queueRun(fn, event, options.trigger ?? "event"));
    }
    return { executor: "embedded", eventIds: events.map((e) => e.id), runIds, existingRunIds };
  }

  private async queueRun(fn: ExecutorFunction, event: InngestEvent, trigger: RunTrigger): Promise<string> {
    const run = await createRun({
      db: this.options.db,
      id: randomUUID(),
      functionId: fn.id,
      trigger,
      eventName: event.name,
      eventId: event.id,
      params: event.data,
      executor: "embedded",
      queuedAt: new Date(event.ts),
    });
    if (!this.options.manualOnly || trigger === "manual") this.queue.enqueue(fn.id, { runId: run.id, kind: "start" });
    return run.id;
  }

  private async fireCron(fn: ExecutorFunction, cron: string): Promise<void> {
    if (this.stopped) return;
    const event = { id: randomUUID(), name: CRON_EVENT_NAME, data: { cron }, ts: Date.now() };
    try {
      await this.queueRun(fn, event, "cron");
    } catch (error) {
      this.logger.error({ err: error, functionId: fn.id, cron }, "could not queue a cron run");
    }
  }

  // Drives one queued or resumed run; never throws (the queue's slot must be freed).
  private async work(functionId: string, item: QueuedWork): Promise<void> {
    if (this.stopped) return;
    const fn = this.served.find((f) => f.id === functionId);
    try {
      const run =
        item.kind === "start"
          ? await claimQueuedRun({ db: this.options.db, id: item.runId, ownerId: this.ownerId })
          : await getRun({ db: this.options.db, id: item.runId });
      if (!run || !fn || run.status !== "running" || run.ownerId !== this.ownerId) return;
      const outcome = await driveRun({
        db: this.options.db,
        client: this.client,
        fn,
        run,
        event: eventOfRun(run),
        backoff: this.backoff,
        maxSteps: this.options.maxSteps ?? 1000,
        logger: this.logger,
        stopped: () => this.stopped,
        wait: (ms) => this.wait(ms),
      });
      await this.afterDrive(fn, run, outcome);
    } catch (error) {
      if (this.stopped) return;
      this.logger.error({ err: error, runId: item.runId, functionId }, "run crashed in the executor");
      await failRun({ db: this.options.db, id: item.runId, error: `Executor error: ${errorText(error)}` }).catch(
        () => undefined,
      );
      await this.notifyFinished(item.runId);
    }
  }

  private async afterDrive(fn: ExecutorFunction, run: PipelineRun, outcome: DriveOutcome): Promise<void> {
    if (outcome.kind === "sleeping") return this.wakeLater(fn, run.id, outcome.wakeAt);
    if (outcome.kind === "abandoned") return;
    this.logger.info({ runId: run.id, functionId: fn.id, status: outcome.kind }, `run ${outcome.kind}`);
    await this.notifyFinished(run.id);
    if (
      outcome.kind === "failed" &&
      this.served.some((f) => f.events.some((t) => t.event === "inngest/function.failed"))
    ) {
      await this.dispatch({
        name: "inngest/function.failed",
        data: { function_id: fn.slug, run_id: run.id, error: outcome.error, event: eventOfRun(run) },
      });
    }
  }

  private async notifyFinished(runId: string): Promise<void> {
    const row = await getRun({ db: this.options.db, id: runId });
    if (row) this.waiters.resolve(runId, row);
  }

  // Timers cannot exceed ~24.8 days; an early wake-up finds the sleep not over and re-arms.
  private wakeLater(fn: ExecutorFunction, runId: string, wakeAt: Date): void {
    const delay = Math.min(2 ** 31 - 1, Math.max(0, wakeAt.getTime() - Date.now()));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.queue.enqueue(fn.id, { runId, kind: "resume" });
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped) return resolve();
      const timer = setTimeout(done, ms);
      const signal = this.abort.signal;
      function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done);
    });
  }

  private async tick(): Promise<void> {
    try {
      await heartbeat({ db: this.options.db, ownerId: this.ownerId });
      await this.recover();
    } catch (error) {
      this.logger.warn({ err: error }, "executor heartbeat failed");
    }
  }

  private async recover(): Promise<void> {
    if (this.options.manualOnly) return;
    return recoverRuns({
      db: this.options.db,
      ownerId: this.ownerId,
      staleAfterMs: this.options.staleAfterMs ?? 30_000,
      functions: this.served,
      enqueue: (functionId, item, options) => this.queue.enqueue(functionId, item, options),
      logger: this.logger,
    });
  }
}
