import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTeams } from "@/lib/data/ensure-teams";
import { ingestSeasonFile } from "@/lib/data/ingest-season-file";
import { listIngestBatches, listQuarantinedRows } from "@/lib/data/ingest-queries";
import { withTestDatabase } from "../helpers/with-test-database";
import { CORPUS_HTTP, startCorpusServer } from "./corpus-server";
import type { LocalServer } from "./local-server";

// Two files of the bad-input corpus (tests/fixtures/bad-input) served as live season files, then
// read back the way the dashboard's Data page lists them.
const http = CORPUS_HTTP;

const ctx = withTestDatabase();
let server: LocalServer;

beforeAll(async () => {
  await ensureTeams(ctx.handle);
  server = await startCorpusServer();
  for (const name of ["unknown-team.csv", "zero-odds.csv", "wrong-header.csv"]) {
    await ingestSeasonFile({
      db: ctx.handle.db,
      season: "2324",
      source: "live",
      baseUrl: `${server.url}/${name}`,
      http,
      force: true,
    });
  }
});
afterAll(async () => {
  await server?.close();
});

describe("ingest queries", () => {
  it("lists batches newest first with their counts and errors", async () => {
    const batches = await listIngestBatches({ db: ctx.handle.db });
    expect(batches.map((b) => b.location)).toEqual([
      `${server.url}/wrong-header.csv/2324/E0.csv`,
      `${server.url}/zero-odds.csv/2324/E0.csv`,
      `${server.url}/unknown-team.csv/2324/E0.csv`,
    ]);
    expect(batches[0]).toMatchObject({ status: "failed", quarantined: 0 });
    expect(batches[0].error).toMatch(/FTHG/);
    expect(batches[1]).toMatchObject({ status: "completed", rowsRead: 10, quarantined: 1 });
    expect(await listIngestBatches({ db: ctx.handle.db, limit: 1 })).toHaveLength(1);
  });

  it("lists quarantined rows with their line, reason, raw text and file, newest batch first", async () => {
    const { rows, total } = await listQuarantinedRows({ db: ctx.handle.db });
    expect(total).toBe(2);
    expect(rows.map((r) => [r.location, r.lineNumber])).toEqual([
      [`${server.url}/zero-odds.csv/2324/E0.csv`, 8],
      [`${server.url}/unknown-team.csv/2324/E0.csv`, 9],
    ]);
    expect(rows[0].reason).toMatch(/B365H/);
    expect(rows[1].reason).toMatch(/Real Madrid/);
    expect(rows[1].rawText).toContain("Real Madrid");
    expect(rows[0].season).toBe("2324");
  });

  it("counts every quarantined row even when fewer are returned", async () => {
    const { rows, total } = await listQuarantinedRows({ db: ctx.handle.db, limit: 1 });
    expect(rows).toHaveLength(1);
    expect(total).toBe(2);
  });
});
