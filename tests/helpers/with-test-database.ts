import { afterAll, beforeAll } from "vitest";
import { setDatabase, type DatabaseHandle } from "@/db/client";
import { stopEmbeddedExecutor } from "@/lib/executor/executor-instance";
import { setRunner } from "@/lib/executor/runner";
import { createTestDatabase } from "./test-database";

/**
 * Gives the test file a fresh database as the process-wide one (so code that calls getDb() uses
 * it), and stops any runner the file started before closing it. Hooks the file registers after
 * this call run inside that span: its beforeAll once the database exists, its afterAll before it
 * closes (vitest runs after-hooks last-registered first).
 */
export function withTestDatabase(): { readonly handle: DatabaseHandle } {
  const ref = {} as { handle: DatabaseHandle };
  beforeAll(async () => {
    ref.handle = await createTestDatabase();
    setDatabase(ref.handle);
  });
  afterAll(async () => {
    await stopEmbeddedExecutor();
    setRunner(undefined);
    await ref.handle?.close();
  });
  return ref;
}
