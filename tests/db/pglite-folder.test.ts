import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { preparePgliteFolder } from "@/db/pglite-folder";
import { EnvError } from "@/lib/env";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-folder-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the embedded database's folder", () => {
  it("is created with its parents when it can be", () => {
    const dir = path.join(root, "a", "b", "pglite");
    preparePgliteFolder(dir);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
  });

  it("stops opening with a message naming PGLITE_DIR and the system's reason when it cannot be written", async () => {
    // A path through a regular file can never be a folder, for root too (a read-only mount says EROFS).
    const file = path.join(root, "not-a-folder");
    fs.writeFileSync(file, "");
    const dir = path.join(file, "pglite");
    const opening = openDatabase({ driver: "pglite", dir });
    await expect(opening).rejects.toBeInstanceOf(EnvError);
    await expect(opening).rejects.toThrow(
      new RegExp(
        `PGLITE_DIR: the embedded database cannot write to ${dir} \\(ENOTDIR\\)\\. Set PGLITE_DIR to a writable folder, or DATABASE_URL`,
      ),
    );
  });
});
