import { describe, expect, it } from "vitest";
import { modelVersions } from "@/db/schema";
import { SMALL_TRAINING, withLoadedApp } from "../api/api-test-kit";

// The loaded app has v1, trained by the training steps outside any run. Training runs asked for
// the same configuration on the same data register one version, not one each.
const app = withLoadedApp();

async function train(data: Record<string, unknown>) {
  const { runIds } = await app.executor.dispatch({ name: "pipeline/training.requested", data }, { trigger: "manual" });
  return app.executor.waitForRun(runIds[0]);
}

const versions = async () => (await app.handle.db.select().from(modelVersions)).map((v) => v.version).sort();

describe("training the same configuration on the same data", () => {
  it("registers once, then finds that version instead of registering a twin", async () => {
    const first = await train({ ...SMALL_TRAINING, reason: "first" });
    expect(first.output).toMatchObject({ version: 2 });
    const again = await train({ ...SMALL_TRAINING, reason: "the reason does not change the model" });
    expect(again).toMatchObject({ status: "completed", output: { skipped: true, twinVersion: 2 } });
    expect(await versions()).toEqual([1, 2]);
  });

  it("trains again when asked with force, or with another configuration", async () => {
    expect((await train({ ...SMALL_TRAINING, force: true })).output).toMatchObject({ version: 3 });
    const other = { ...SMALL_TRAINING, params: { ...SMALL_TRAINING.params, seed: 2 } };
    expect((await train(other)).output).toMatchObject({ version: 4 });
    expect(await versions()).toEqual([1, 2, 3, 4]);
  });
});
