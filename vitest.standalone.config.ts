import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:standalone`: only the test of the production build's standalone server, which
// needs `next build` (it builds unless STANDALONE_SKIP_BUILD=1) and util-linux `unshare` as root.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/deploy/standalone-server.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
