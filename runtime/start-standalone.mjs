// `npm start` (after `next build`): serves the standalone server, the artifact the Docker image
// runs and `npm run test:standalone` checks, from the checkout, as `next start` would serve it.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = process.cwd();
const standalone = path.join(root, ".next", "standalone");
if (!fs.existsSync(path.join(standalone, "server.js"))) {
  console.error("No standalone build in .next/standalone: run `npm run build` first.");
  process.exit(1);
}
// `next build` leaves the browser assets and public/ beside the standalone folder; server.js
// serves them from inside it.
fs.cpSync(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), { recursive: true });
fs.cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });

// server.js reads .env files from its own folder and changes into it; `next start` reads them
// from the project and keeps relative paths relative to it. Both kept here.
const { loadEnvConfig } = createRequire(createRequire(import.meta.url).resolve("next/package.json"))("@next/env");
loadEnvConfig(root, false, { info: () => {}, error: console.error });
process.env.PGLITE_DIR = path.resolve(root, process.env.PGLITE_DIR || ".data/pglite");
// Every interface, as `next start` listens: shells and containers often export HOSTNAME as the
// machine's name, which server.js would otherwise bind to.
process.env.HOSTNAME = "0.0.0.0";

await import(pathToFileURL(path.join(standalone, "server.js")).href);
