import fs from "node:fs";

// The Python original's paths answer at the root too, with the same handlers (lib/api/original-paths.ts).
const originalPaths = JSON.parse(fs.readFileSync(new URL("./lib/api/original-paths.json", import.meta.url), "utf8"));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `.next/standalone` is a self-contained server (node server.js) for Docker and other hosts.
  output: "standalone",
  // Files the server reads at run time that no import reaches: the bundled snapshot the ETL
  // loads, the migrations applied at startup, and PGlite's WebAssembly and data files.
  outputFileTracingIncludes: {
    "/*": ["./data/**/*", "./db/migrations/**/*", "./node_modules/@electric-sql/pglite/dist/*.{wasm,data}"],
  },
  // PGlite loads its WASM and data files relative to its own module; postgres.js and
  // ml-random-forest are plain Node code. Bundling them gains nothing and breaks PGlite.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "ml-random-forest", "croner"],
  poweredByHeader: false,
  async rewrites() {
    return Object.entries(originalPaths).map(([source, destination]) => ({ source, destination }));
  },
};

export default nextConfig;
