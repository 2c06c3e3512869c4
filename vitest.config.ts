import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname) },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // Needs a production build: `npm run test:standalone` (vitest.standalone.config.ts), after CI's build.
    exclude: [...configDefaults.exclude, "tests/deploy/standalone-server.test.ts"],
    environment: "node",
    // Two cores: two test files at a time; each gets its own database.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ["tests/helpers/setup.ts"],
    // TEST_PGBOUNCER=1: one PgBouncer in transaction mode in front of TEST_DATABASE_URL for the run.
    globalSetup: ["tests/helpers/pgbouncer-global-setup.ts"],
  },
});
