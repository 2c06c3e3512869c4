import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
/** The local server standing in for football-data.co.uk (e2e/bad-season-server.ts). */
export const BAD_SEASON_PORT = Number(process.env.E2E_BAD_SEASON_PORT ?? 3199);
const badSeasonPort = BAD_SEASON_PORT;
// Each e2e run starts from an empty embedded database so that it sees what a fresh install sees.
const pgliteDir = process.env.E2E_PGLITE_DIR ?? `.data/e2e-${Date.now()}`;
// A second server of the same build with API_KEY set, for the locked dashboard (e2e/api-key.spec.ts).
export const LOCKED_PORT = Number(process.env.E2E_LOCKED_PORT ?? 3101);
export const LOCKED_API_KEY = "e2e-api-key-0123456789abcdef";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // Stands in for football-data.co.uk: one season file with bad rows (e2e/bad-season-server.ts).
      command: "npx tsx e2e/bad-season-server.ts",
      url: `http://127.0.0.1:${badSeasonPort}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { BAD_SEASON_PORT: String(badSeasonPort) },
    },
    {
      // The production build, as a user runs it; `E2E_SKIP_BUILD=1` reuses an existing build.
      command: `${process.env.E2E_SKIP_BUILD ? "" : "npx next build && "}npx next start -p ${port}`,
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PGLITE_DIR: pgliteDir,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: "",
        // The ETL's live sources (auto by default: the snapshot, then the newer seasons and the
        // fixtures file's odds) read the local stand-in.
        DATA_SOURCE: "auto",
        FOOTBALL_DATA_CO_UK_BASE_URL: `http://127.0.0.1:${badSeasonPort}/bad-input`,
        FOOTBALL_DATA_CO_UK_FIXTURES_URL: `http://127.0.0.1:${badSeasonPort}/fixtures.csv`,
        HTTP_TIMEOUT_MS: "5000",
      },
    },
    {
      // Started after the build above exists (webServers start in order).
      command: `npx next start -p ${LOCKED_PORT}`,
      url: `http://127.0.0.1:${LOCKED_PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        PGLITE_DIR: `${pgliteDir}-locked`,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: "",
        API_KEY: LOCKED_API_KEY,
        BOOTSTRAP: "off",
        SCHEDULES: "off",
      },
    },
  ],
});
