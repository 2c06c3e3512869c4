import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { predictions } from "@/db/schema";
import { predictAndStoreStep } from "@/lib/pipelines/prediction-steps";
import { getAliasTarget } from "@/lib/registry/aliases";
import { createLoadedDatabase } from "../api/api-test-kit";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createLoadedDatabase();
}, 180_000);
afterAll(() => handle?.close());

describe("predict and store", () => {
  it("replaces a fixture's forecast before its kickoff, never after it", async () => {
    const champion = (await getAliasTarget({ db: handle.db, alias: "champion" }))!;
    const rows = await handle.db
      .select()
      .from(predictions)
      .where(and(eq(predictions.kind, "batch"), eq(predictions.modelVersionId, champion)));
    expect(rows.length).toBe(380);
    const [past, future] = rows;
    // One forecast of a match that has since kicked off, one of a match still to come; both marked.
    await handle.db
      .update(predictions)
      .set({ pHome: 0.991, kickoff: new Date(Date.now() - 86_400_000) })
      .where(eq(predictions.id, past.id));
    await handle.db
      .update(predictions)
      .set({ pHome: 0.992, kickoff: new Date(Date.now() + 86_400_000) })
      .where(eq(predictions.id, future.id));
    await predictAndStoreStep({ db: handle.db, modelVersionId: champion });
    const after = new Map(
      (await handle.db.select().from(predictions).where(eq(predictions.kind, "batch"))).map((r) => [r.id, r]),
    );
    expect(after.get(past.id)!.pHome).toBe(0.991);
    expect(after.get(future.id)!.pHome).not.toBe(0.992);
    expect(after.size).toBe(380);
  });
});
