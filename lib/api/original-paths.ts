import paths from "./original-paths.json";

/**
 * The Python original's paths (its README, its FastAPI app and the requests its dashboard sent),
 * each with the route that answers it. next.config.js rewrites them from this same file, so they
 * run the same handlers; the OpenAPI document lists them.
 */
export const ORIGINAL_PATHS: Readonly<Record<string, `/api/${string}`>> = paths as Record<string, `/api/${string}`>;
