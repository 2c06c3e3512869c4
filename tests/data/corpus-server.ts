import fs from "node:fs";
import path from "node:path";
import { startLocalServer, type LocalServer } from "./local-server";

/** The bad-input corpus (tests/fixtures/bad-input; see its README). */
export const CORPUS_DIR = path.join(process.cwd(), "tests", "fixtures", "bad-input");

/** Live-source HTTP options for the corpus: short timeout, no retries. */
export const CORPUS_HTTP = { timeoutMs: 2_000, retries: 0 };

/**
 * Serves each corpus file as a live season file: `<url>/<corpus file>/2324/E0.csv` answers that
 * file, whatever its name, with status 200 (404 for a name not in the corpus).
 */
export function startCorpusServer(): Promise<LocalServer> {
  return startLocalServer((req, res) => {
    const name = decodeURIComponent(req.url!.split("/")[1]);
    const file = path.join(CORPUS_DIR, name);
    if (!fs.existsSync(file)) return void res.writeHead(404).end();
    res
      .writeHead(200, { "content-type": name.endsWith(".html") ? "text/html" : "text/csv" })
      .end(fs.readFileSync(file));
  });
}
