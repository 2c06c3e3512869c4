import { describe, expect, it } from "vitest";
import type { RunStep } from "@/db/schema";
import { buildRunState } from "@/lib/executor/run-state";

let nextId = 1;
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
function row(fields: Partial<RunStep> & Pick<RunStep, "stepId" | "status">): RunStep {
  return {
    id: nextId++,
    runId: "r",
    name: fields.stepId,
    op: "StepRun",
    attempt: 0,
    output: null,
    outputSummary: null,
    error: null,
    startedAt: at(0),
    finishedAt: null,
    durationMs: null,
    ...fields,
  };
}

describe("buildRunState", () => {
  it("memoises finished steps in the order they finished, data and final errors alike", () => {
    const state = buildRunState([
      row({ stepId: "a", status: "completed", output: { n: 1 }, finishedAt: at(5) }),
      row({ stepId: "b", status: "errored", error: "Error: x", finishedAt: at(2) }),
      row({
        stepId: "b",
        attempt: 1,
        status: "failed",
        output: { name: "TypeError", message: "x" },
        finishedAt: at(3),
      }),
      row({ stepId: "c", status: "completed", output: null, finishedAt: at(1) }),
    ]);
    expect(state.stack).toEqual(["c", "b", "a"]);
    expect(state.steps).toEqual({
      a: { type: "data", data: { n: 1 } },
      b: { type: "error", error: { name: "TypeError", message: "x", stack: undefined } },
      c: { type: "data", data: null },
    });
    expect(state.retrying).toEqual([]);
    expect(state.disableImmediateExecution).toBe(false);
  });

  it("finds steps waiting for a retry, with the attempts they spent", () => {
    const state = buildRunState([
      row({ stepId: "flaky", name: "flaky step", status: "errored", attempt: 0, finishedAt: at(1) }),
      row({ stepId: "flaky", name: "flaky step", status: "errored", attempt: 1, finishedAt: at(2) }),
      row({ stepId: "p", op: "StepPlanned", status: "running", attempt: 0 }),
    ]);
    expect(state.retrying).toEqual([{ stepId: "flaky", name: "flaky step", op: "StepRun", attemptsSpent: 2 }]);
    expect(state.steps).toEqual({});
    expect(state.disableImmediateExecution).toBe(true);
  });

  it("lists sleeps that have not ended with their wake-up times", () => {
    const state = buildRunState([
      row({ stepId: "nap", op: "Sleep", status: "sleeping", output: { wakeAt: "2026-01-01T01:00:00.000Z" } }),
      row({ stepId: "done-nap", op: "Sleep", status: "completed", output: null, finishedAt: at(9) }),
    ]);
    expect(state.sleeping.map((s) => [s.stepId, s.wakeAt.toISOString()])).toEqual([
      ["nap", "2026-01-01T01:00:00.000Z"],
    ]);
    expect(Object.keys(state.steps)).toEqual(["done-nap"]);
  });
});
