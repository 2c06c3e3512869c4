import { describe, expect, it } from "vitest";
import { RunQueue, type QueuedWork } from "@/lib/executor/run-queue";

function controllable() {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const queue = new RunQueue((fn, item: QueuedWork) => {
    started.push(`${fn}:${item.runId}`);
    return new Promise<void>((resolve) => finishers.set(item.runId, resolve));
  });
  const finish = async (runId: string) => {
    finishers.get(runId)!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { queue, started, finish };
}

describe("RunQueue", () => {
  it("holds work beyond a function's limit until a slot frees, first in first out", async () => {
    const { queue, started, finish } = controllable();
    queue.setLimit("etl", 1);
    for (const id of ["r1", "r2", "r3"]) queue.enqueue("etl", { runId: id, kind: "start" });
    queue.enqueue("training", { runId: "t1", kind: "start" });
    expect(started).toEqual(["etl:r1", "training:t1"]);
    await finish("r1");
    expect(started).toEqual(["etl:r1", "training:t1", "etl:r2"]);
    await finish("r2");
    await finish("r3");
    await finish("t1");
    await queue.idle();
    expect(started).toHaveLength(4);
  });

  it("puts resumed work first, ignores a run already queued, and runs all at once without a limit", async () => {
    const { queue, started, finish } = controllable();
    queue.setLimit("etl", 1);
    queue.enqueue("etl", { runId: "running", kind: "start" });
    queue.enqueue("etl", { runId: "new", kind: "start" });
    queue.enqueue("etl", { runId: "new", kind: "start" });
    queue.enqueue("etl", { runId: "abandoned", kind: "resume" }, { front: true });
    await finish("running");
    expect(started).toEqual(["etl:running", "etl:abandoned"]);
    await finish("abandoned");
    await finish("new");
    expect(started).toEqual(["etl:running", "etl:abandoned", "etl:new"]);

    for (const id of ["a", "b", "c"]) queue.enqueue("free", { runId: id, kind: "start" });
    expect(started.slice(3)).toEqual(["free:a", "free:b", "free:c"]);
  });
});
