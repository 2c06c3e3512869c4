import fs from "node:fs";

// The Python original's paths answer at the root too, with the same handlers (lib/api/original-paths.ts).
const originalPaths = JSON.parse(fs.readFileSync(new URL("./lib/api/original-paths.json", import.meta.url), "utf8"));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files relative to its own module; postgres.js and
  // ml-random-forest are plain Node code. Bundling them gains nothing and breaks PGlite.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "ml-random-forest", "croner"],
  poweredByHeader: false,
  async rewrites() {
    return Object.entries(originalPaths).map(([source, destination]) => ({ source, destination }));
  },
};

export default nextConfig;
