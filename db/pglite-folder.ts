import fs from "node:fs";
import path from "node:path";
import { EnvError } from "@/lib/env";

/**
 * Creates the embedded database's folder and checks that this process may write there (the lock
 * file goes beside it), so that a read-only host stops at startup with a message naming
 * PGLITE_DIR instead of failing inside PGlite.
 */
export function preparePgliteFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    fs.accessSync(path.dirname(dir), fs.constants.W_OK);
  } catch (error) {
    const reason = ancestorRefusal(dir) ?? (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new EnvError([
      {
        variable: "PGLITE_DIR",
        message:
          `the embedded database cannot write to ${dir} (${reason}). Set PGLITE_DIR to a writable folder, ` +
          "or DATABASE_URL to a Postgres server (a read-only or serverless host needs DATABASE_URL)",
      },
    ]);
  }
}

/** Why the nearest existing folder above `dir` cannot be written (EROFS, EACCES), if it cannot:
 * a recursive mkdir on a read-only file system reports only ENOENT. */
function ancestorRefusal(dir: string): string | undefined {
  let existing = dir;
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    fs.accessSync(existing, fs.constants.W_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}
