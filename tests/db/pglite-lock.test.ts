import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-lock-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the embedded database folder", () => {
  it("refuses a second live process, names it, and is free again once closed", async () => {
    const dir = path.join(root, "db");
    // Another live process holds the lock (a sleeping child stands in for the server).
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    fs.writeFileSync(`${dir}.lock`, String(other.pid));
    await expect(openDatabase({ driver: "pglite", dir })).rejects.toThrow(
      new RegExp(`in use by process ${other.pid}.*DATABASE_URL`),
    );
    other.kill();
    await new Promise((resolve) => other.on("exit", resolve));
    // Its owner is gone: the stale lock is taken over.
    const handle = await openDatabase({ driver: "pglite", dir });
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    await handle.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
