import type { Database } from "@/db/client";
import { findActiveRuns } from "@/lib/runs/run-store";
import { CronScheduler, type CronSchedule } from "./cron-schedules";
import { normalizeEvents, type EventInput } from "./event-input";
import { parseFunctionConfigs, type ExecutorFunction } from "./function-config";
import type { ServeEndpoint } from "./protocol";
import { ProtocolClient } from "./protocol-client";
import type { DispatchOptions, DispatchResult, Runner } from "./runner";
import { matchesTrigger } from "./trigger-match";

export interface InngestRunnerOptions {
  /** Where the recorder middleware writes the runs Inngest starts (read for dedupe). */
  db: Database;
  /** Sends events to Inngest's event API (the Inngest client's `send`). */
  send: (events: EventInput[]) => Promise<{ ids: string[] }>;
  /** The app's serve handler, read for its functions (an in-band sync). */
  endpoint: ServeEndpoint;
  /** The key the serve handler verifies signatures with. */
  signingKey: string;
}

/**
 * Pipelines on an Inngest server (Cloud, `inngest dev`, `inngest start`): events go to its event
 * API and Inngest calls the app's serve handler. Run ids are known only for runs found by `dedupe`
 * (Inngest assigns the others when it starts them), so callers get the event ids as well.
 */
export class InngestRunner implements Runner {
  readonly kind = "inngest";
  private served?: Promise<ExecutorFunction[]>;

  constructor(private readonly options: InngestRunnerOptions) {}

  functions(): Promise<ExecutorFunction[]> {
    this.served ??= new ProtocolClient(this.options.endpoint, this.options.signingKey)
      .sync()
      .then(({ appId, functions }) => parseFunctionConfigs(appId, functions));
    this.served.catch(() => (this.served = undefined));
    return this.served;
  }

  // Inngest runs the crons; these are the times they are due.
  async schedules(from: Date, count: number): Promise<CronSchedule[]> {
    return new CronScheduler(await this.functions(), true, () => undefined).schedules(from, count);
  }

  async dispatch(input: EventInput | EventInput[], options: DispatchOptions = {}): Promise<DispatchResult> {
    const events = normalizeEvents(input);
    const existingRunIds: string[] = [];
    let toSend = events;
    if (options.dedupe) {
      // Runs appear in pipeline_runs when Inngest starts them (the recorder middleware writes them).
      const functions = await this.functions();
      toSend = [];
      for (const event of events) {
        const targets = functions.filter((fn) => fn.events.some((t) => matchesTrigger(t, event)));
        const active = await findActiveRuns({ db: this.options.db, functionIds: targets.map((fn) => fn.id) });
        const found = targets
          .map((fn) => active.find((r) => r.functionId === fn.id)?.id)
          .filter((id): id is string => !!id);
        existingRunIds.push(...found);
        if (targets.length === 0 || found.length < targets.length) toSend.push(event);
      }
    }
    const { ids } = toSend.length ? await this.options.send(toSend) : { ids: [] as string[] };
    return { executor: "inngest", eventIds: ids, runIds: existingRunIds, existingRunIds };
  }
}
