import { Middleware, type SendEventBaseOutput } from "inngest";
import type { EventInput } from "./event-input";
import { getEmbeddedExecutor } from "./executor-instance";

/**
 * In embedded mode, `inngest.send()` and `step.sendEvent()` hand their events to the embedded
 * executor of this process instead of an Inngest event API; nothing leaves the process.
 */
export function embeddedSendMiddleware({ enabled }: { enabled: () => boolean }) {
  return class EmbeddedSendMiddleware extends Middleware.BaseMiddleware {
    readonly id = "pl-mlops:embedded-send";

    async wrapSendEvent({ events, next }: Middleware.WrapSendEventArgs): Promise<SendEventBaseOutput> {
      if (!enabled()) return next();
      const executor = getEmbeddedExecutor();
      if (!executor) {
        throw new Error(
          "Events cannot be sent: no Inngest is configured and the embedded executor is not running in this process",
        );
      }
      const result = await executor.dispatch(
        events.map((e) => ({ name: e.name, data: { ...e.data }, id: e.id, ts: e.ts }) as EventInput),
      );
      return { ids: result.eventIds };
    }
  };
}
