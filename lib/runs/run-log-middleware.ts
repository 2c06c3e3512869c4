import { Middleware } from "inngest";
import { getDb } from "@/db/client";
import { createRunLog, type RunLog } from "./run-log";
import { stepContext } from "./step-context";

/**
 * Gives every function handler `log(level, message, data?)`, bound to the run and to the
 * step running when it is called, whichever executor runs the function.
 */
export class RunLogMiddleware extends Middleware.BaseMiddleware {
  readonly id = "pl-mlops:run-log";
  // A new instance serves each request; it replays memoised steps until the SDK says otherwise.
  private replaying = true;
  private runId = "";

  transformFunctionInput(
    arg: Middleware.TransformFunctionInputArgs,
  ): Middleware.TransformFunctionInputArgs & { ctx: { log: RunLog } } {
    this.runId = arg.ctx.runId;
    const log = createRunLog({ db: getDb, runId: arg.ctx.runId, replaying: () => this.replaying });
    return { ...arg, ctx: { ...arg.ctx, log } };
  }

  onMemoizationEnd(): void {
    this.replaying = false;
  }

  wrapStepHandler({ next, stepInfo }: Middleware.WrapStepHandlerArgs): Promise<unknown> {
    return stepContext.run(
      { runId: this.runId, stepId: stepInfo.hashedId, name: stepInfo.options.name ?? stepInfo.options.id },
      () => next(),
    );
  }
}
