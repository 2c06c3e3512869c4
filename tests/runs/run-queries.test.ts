import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getRunById, getRunProgress, listRuns } from "@/lib/runs/run-queries";
import { completeRun, createRun, failRun } from "@/lib/runs/run-store";
import { recordStepAttempt } from "@/lib/runs/step-store";
import { withTestDatabase } from "../helpers/with-test-database";

const ctx = withTestDatabase();
const minute = 60_000;
const t0 = new Date("2026-05-01T10:00:00Z").getTime();

// Seven runs: etl at minutes 0, 2, 4, 6 (the one at 4 failed, the one at 6 still queued),
// training at 1, 3, 5 (completed).
beforeAll(async () => {
  const plan: [string, string, number, "completed" | "failed" | "queued"][] = [
    ["etl-0", "etl", 0, "completed"],
    ["tr-1", "training", 1, "completed"],
    ["etl-2", "etl", 2, "completed"],
    ["tr-3", "training", 3, "completed"],
    ["etl-4", "etl", 4, "failed"],
    ["tr-5", "training", 5, "completed"],
    ["etl-6", "etl", 6, "queued"],
  ];
  for (const [id, functionId, at, status] of plan) {
    await createRun({
      db: await getDb(),
      id,
      functionId,
      trigger: "event",
      eventName: `pipeline/${functionId}.requested`,
      eventId: `e-${id}`,
      params: {},
      executor: "embedded",
      queuedAt: new Date(t0 + at * minute),
      status: status === "queued" ? "queued" : "running",
    });
    if (status === "completed") await completeRun({ db: await getDb(), id, output: { id } });
    if (status === "failed") await failRun({ db: await getDb(), id, error: "Error: source down" });
  }
  const started = new Date(t0);
  await recordStepAttempt({
    db: await getDb(),
    runId: "etl-4",
    stepId: "h1",
    name: "fetch sources",
    op: "StepRun",
    attempt: 0,
    status: "errored",
    startedAt: started,
    finishedAt: new Date(t0 + 1000),
    error: "Error: source down",
  });
  await recordStepAttempt({
    db: await getDb(),
    runId: "etl-4",
    stepId: "h1",
    name: "fetch sources",
    op: "StepRun",
    attempt: 1,
    status: "failed",
    startedAt: new Date(t0 + 2000),
    finishedAt: new Date(t0 + 2500),
    output: { name: "Error", message: "source down" },
    error: "Error: source down",
  });
  await ctx.handle.db.execute(
    `insert into run_logs (run_id, step_id, level, message) values ('etl-4', 'h1', 'warn', 'retrying')`,
  );
});

describe("listRuns", () => {
  it("pages newest first by default", async () => {
    const first = await listRuns({ db: await getDb(), page: 1, pageSize: 3 });
    expect(first.rows.map((r) => r.id)).toEqual(["etl-6", "tr-5", "etl-4"]);
    expect(first).toMatchObject({ total: 7, page: 1, pageSize: 3, pageCount: 3 });
    const last = await listRuns({ db: await getDb(), page: 3, pageSize: 3 });
    expect(last.rows.map((r) => r.id)).toEqual(["etl-0"]);
  });

  it("filters by function and status, and sorts by a chosen column", async () => {
    const etl = await listRuns({
      db: await getDb(),
      functionId: "etl",
      page: 1,
      pageSize: 10,
      sort: { column: "queuedAt", direction: "asc" },
    });
    expect(etl.rows.map((r) => r.id)).toEqual(["etl-0", "etl-2", "etl-4", "etl-6"]);
    const failed = await listRuns({ db: await getDb(), status: "failed", page: 1, pageSize: 10 });
    expect(failed.rows.map((r) => [r.id, r.error])).toEqual([["etl-4", "Error: source down"]]);
    const completedTraining = await listRuns({
      db: await getDb(),
      functionId: "training",
      status: "completed",
      page: 1,
      pageSize: 10,
    });
    expect(completedTraining.total).toBe(3);
    // The queued run has no finish time: last, whichever the direction.
    for (const direction of ["asc", "desc"] as const) {
      const byFinish = await listRuns({
        db: await getDb(),
        functionId: "etl",
        page: 1,
        pageSize: 10,
        sort: { column: "finishedAt", direction },
      });
      expect(byFinish.rows.at(-1)!.id).toBe("etl-6");
    }
  });

  it("rejects a page or page size out of range", async () => {
    await expect(listRuns({ db: await getDb(), page: 0, pageSize: 10 })).rejects.toThrow(/page must be an integer ≥ 1/);
    await expect(listRuns({ db: await getDb(), page: 1, pageSize: 501 })).rejects.toThrow(
      /pageSize must be an integer from 1 to 500/,
    );
  });
});

describe("getRunById", () => {
  it("returns the run with its step attempts and logs, step outputs only on request", async () => {
    const detail = await getRunById({ db: await getDb(), id: "etl-4" });
    expect(detail!.run).toMatchObject({ status: "failed", error: "Error: source down" });
    expect(detail!.steps.map((s) => [s.attempt, s.status, s.durationMs])).toEqual([
      [0, "errored", 1000],
      [1, "failed", 500],
    ]);
    expect(detail!.steps[1]).not.toHaveProperty("output");
    expect(detail!.logs.map((l) => [l.level, l.message, l.stepId])).toEqual([["warn", "retrying", "h1"]]);
    const withOutput = await getRunById({ db: await getDb(), id: "etl-4", includeStepOutput: true });
    expect(withOutput!.steps[1].output).toEqual({ name: "Error", message: "source down" });
  });

  it("returns null for an unknown id", async () => {
    expect(await getRunById({ db: await getDb(), id: "nope" })).toBeNull();
  });
});

describe("getRunProgress", () => {
  it("counts finished steps and failed attempts and gives the last step and log line, in one query", async () => {
    await ctx.handle.db.execute(
      `insert into run_logs (run_id, step_id, level, message, at) values ('etl-4', 'h1', 'error', 'gave up', now())`,
    );
    expect(await getRunProgress({ db: ctx.handle.db, id: "etl-4" })).toEqual({
      id: "etl-4",
      functionId: "etl",
      status: "failed",
      queuedAt: new Date(t0 + 4 * minute),
      startedAt: expect.any(Date),
      durationMs: expect.any(Number),
      error: "Error: source down",
      stepsCompleted: 0,
      attemptsFailed: 2,
      lastStep: "fetch sources",
      lastLog: { level: "error", message: "gave up" },
    });
    expect(await getRunProgress({ db: ctx.handle.db, id: "etl-2" })).toMatchObject({
      status: "completed",
      stepsCompleted: 0,
      lastStep: null,
      lastLog: null,
    });
    expect(await getRunProgress({ db: ctx.handle.db, id: "nope" })).toBeNull();
  });
});
