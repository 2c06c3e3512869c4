import pino from "pino";

const LEVELS = new Set(["trace", "debug", "info", "warn", "error", "fatal", "silent"]);
const requested = process.env.LOG_LEVEL;

// The logger exists before the environment is validated; an unknown LOG_LEVEL falls back to
// "info" here, and the validation (lib/env.ts) then stops startup naming the variable.
export const logger = pino({
  level: requested && LEVELS.has(requested) ? requested : process.env.NODE_ENV === "test" ? "silent" : "info",
  base: undefined,
});
