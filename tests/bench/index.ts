import fs from "node:fs";
import path from "node:path";

// `npm run bench -- <name> [args]` runs tests/bench/<name>.bench.ts; each bench prints its figures
// and the ratio against a baseline measured in the same run.
const dir = import.meta.dirname;
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join("|")}> [options]`);
  process.exit(name ? 2 : 0);
}
process.argv = [process.argv[0], path.join(dir, `${name}.bench.ts`), ...args];
// Benches print their own figures; the structured log would bury them (LOG_LEVEL overrides).
process.env.LOG_LEVEL ??= "silent";
await import(`./${name}.bench.ts`);
