import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.join(process.cwd(), "data", "football-data-co-uk");

const sums = fs
  .readFileSync(path.join(dir, "SHA256SUMS"), "utf8")
  .trim()
  .split(/\r?\n/)
  .map((line) => {
    const [hash, name] = line.split(/\s+\*?/);
    return { hash, name };
  });

describe("bundled snapshot", () => {
  it("lists 33 season files and the column key", () => {
    const seasons = sums.filter((s) => /^E0_\d{4}\.csv$/.test(s.name));
    expect(seasons).toHaveLength(33);
    expect(sums.map((s) => s.name)).toContain("notes.txt");
  });

  it.each(sums)("$name keeps its published bytes", ({ name, hash }) => {
    const bytes = fs.readFileSync(path.join(dir, name));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(hash);
  });

  it("ships the fixture list and the football-data.org samples", () => {
    for (const file of [
      "fixtures/fixturedownload_epl-2026-UTC.csv",
      "football-data-org/pl_matches_sample.json",
      "football-data-org/team65_matches_sample.json",
      "README.md",
    ]) {
      expect(fs.statSync(path.join(process.cwd(), "data", file)).size).toBeGreaterThan(1000);
    }
  });
});
