import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fixturesFile, ukDateTime, type FixtureFileRow } from "../tests/helpers/fixtures-file";
import { BAD_SEASON_PATH, FIXTURE_ODDS_CONTROL, FIXTURE_ODDS_PATH } from "./support/bad-season";

// Stands in for football-data.co.uk in the e2e run: GET /bad-input/2324/E0.csv serves one season
// file carrying five defects of the bad-input corpus (tests/fixtures/bad-input, see its README);
// GET /fixtures.csv its fixtures file (odds once POST /control/fixture-odds asks for them).
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

// football-data.co.uk's fixtures file: no Premier League rows until the test asks for odds, then
// the next three fixtures of the bundled 2026/27 list (times in UTC there) with their odds.
let fixtureOdds: FixtureFileRow[] = [];
function nextFixturesWithOdds(count = 3): FixtureFileRow[] {
  const list = fs.readFileSync(
    path.join(import.meta.dirname, "..", "data", "fixtures", "fixturedownload_epl-2026-UTC.csv"),
    "utf8",
  );
  const now = Date.now();
  return list
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(","))
    .filter((f) => f.length >= 6)
    .map((f) => {
      const [d, m, y, hh, mm] = f[2].split(/[/ :]/).map(Number);
      return { kickoff: new Date(Date.UTC(y, m - 1, d, hh, mm)), home: f[4], away: f[5] };
    })
    .filter((f) => f.kickoff.getTime() > now)
    .slice(0, count)
    .map((f, i) => ({
      ...ukDateTime(f.kickoff),
      home: f.home,
      away: f.away,
      b365: [1.8 + i, 3.6, 4.5],
      ps: [1.85 + i, 3.7, 4.6],
    }));
}
const port = Number(process.env.BAD_SEASON_PORT ?? 3199);

http
  .createServer((req, res) => {
    if (req.url === "/health") return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    if (req.url === BAD_SEASON_PATH) return void res.writeHead(200, { "content-type": "text/csv" }).end(body);
    if (req.url === FIXTURE_ODDS_PATH)
      return void res.writeHead(200, { "content-type": "text/csv" }).end(fixturesFile(fixtureOdds));
    if (req.url === FIXTURE_ODDS_CONTROL && req.method === "POST") {
      fixtureOdds = nextFixturesWithOdds();
      return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(fixtureOdds));
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  })
  .listen(port, "127.0.0.1", () => console.log(`bad season file on http://127.0.0.1:${port}${BAD_SEASON_PATH}`));
