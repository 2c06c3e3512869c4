import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { BAD_SEASON_PATH } from "./support/bad-season";

// Stands in for football-data.co.uk in the e2e run: GET /bad-input/2324/E0.csv serves one season
// file carrying five defects of the bad-input corpus (tests/fixtures/bad-input, see its README).
// Each corpus file is the same ten matches with one bad line; taking every file's bad line gives
// lines 4 (FTR contradicts 1-1), 5 (FTHG -4), 6 (truncated), 8 (B365H 0) and 9 (Real Madrid).

const corpus = path.join(import.meta.dirname, "..", "tests", "fixtures", "bad-input");
const sources = [
  "ftr-contradicts-goals.csv",
  "negative-goals.csv",
  "truncated-line.csv",
  "zero-odds.csv",
  "unknown-team.csv",
];

function mergedFile(): Buffer {
  const files = sources.map((name) => fs.readFileSync(path.join(corpus, name), "latin1").split("\r\n"));
  const lines = files[0].map((_, i) => {
    const variants = files.map((f) => f[i]);
    const counts = new Map<string, number>();
    for (const v of variants) counts.set(v, (counts.get(v) ?? 0) + 1);
    const common = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    return variants.find((v) => v !== common) ?? common;
  });
  return Buffer.from(lines.join("\r\n"), "latin1");
}

const body = mergedFile();
const port = Number(process.env.BAD_SEASON_PORT ?? 3199);

http
  .createServer((req, res) => {
    if (req.url === "/health") return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    if (req.url === BAD_SEASON_PATH) return void res.writeHead(200, { "content-type": "text/csv" }).end(body);
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  })
  .listen(port, "127.0.0.1", () => console.log(`bad season file on http://127.0.0.1:${port}${BAD_SEASON_PATH}`));
