/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files relative to its own module; postgres.js and
  // ml-random-forest are plain Node code. Bundling them gains nothing and breaks PGlite.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "ml-random-forest", "croner"],
  poweredByHeader: false,
};

export default nextConfig;
