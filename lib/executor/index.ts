export {
  EmbeddedExecutor,
  type DispatchOptions,
  type DispatchResult,
  type EmbeddedExecutorOptions,
} from "./embedded-executor";
export {
  getEmbeddedExecutor,
  startEmbeddedExecutor,
  stopEmbeddedExecutor,
  type StartOptions,
} from "./executor-instance";
export { embeddedSigningKey } from "./signing";
export { nextCronRuns, type CronSchedule } from "./cron-schedules";
export { EventValidationError, type EventInput } from "./event-input";
export type { ServeEndpoint } from "./protocol";
