import pino from "pino";

// One structured logger for server, CLI and pipelines; LOG_LEVEL is read directly so that logging
// works even while the environment is being validated.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: undefined,
});
