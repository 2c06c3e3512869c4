import { Middleware } from "inngest";
import { createRunLog, type RunLog } from "./run-log";
import { stepContext } from "./step-context";

/**
 * Gives every function handler `log(level, message, data?)`, bound to the run and to the
 * step running when it is called, whichever executor runs the function.
 */
export class RunLogMiddleware extends Middleware.BaseMiddleware {
  readonly id = "pl-mlops:run-log";

  transformFunctionInput(arg: Middleware.TransformFunctionInputArgs): Middleware.TransformFunctionInputArgs & { ctx: { log: RunLog } } {
    return { ...arg, ctx: { ...arg.ctx, log: createRunLog({ runId: arg.ctx.runId }) } };
  }

  wrapStepHandler({ next, stepInfo }: Middleware.WrapStepHandlerArgs): Promise<unknown> {
    return stepContext.run({ stepId: stepInfo.hashedId, name: stepInfo.options.name ?? stepInfo.options.id }, () => next());
  }
}
