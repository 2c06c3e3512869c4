import { describe, expect, it } from "vitest";
import { isSupportedExpression, matchesTrigger } from "@/lib/executor/trigger-match";

const event = (name: string, data: Record<string, unknown> = {}) => ({ name, data });

describe("matchesTrigger", () => {
  it("matches by exact name or a trailing wildcard", () => {
    expect(matchesTrigger({ event: "pipeline/etl.requested" }, event("pipeline/etl.requested"))).toBe(true);
    expect(matchesTrigger({ event: "pipeline/etl.requested" }, event("pipeline/training.requested"))).toBe(false);
    expect(matchesTrigger({ event: "pipeline/*" }, event("pipeline/training.requested"))).toBe(true);
    expect(matchesTrigger({ event: "pipeline/*" }, event("data/matches.updated"))).toBe(false);
  });

  it("evaluates event.data equality expressions, as the SDK writes them for onFailure", () => {
    const trigger = { event: "inngest/function.failed", expression: "event.data.function_id == 'pl-mlops-etl'" };
    expect(matchesTrigger(trigger, event("inngest/function.failed", { function_id: "pl-mlops-etl" }))).toBe(true);
    expect(matchesTrigger(trigger, event("inngest/function.failed", { function_id: "pl-mlops-training" }))).toBe(false);
    expect(matchesTrigger({ event: "x", expression: 'event.data.a.b == "c"' }, event("x", { a: { b: "c" } }))).toBe(
      true,
    );
    expect(matchesTrigger({ event: "x", expression: "event.data.n == 3" }, event("x", { n: 3 }))).toBe(true);
    expect(matchesTrigger({ event: "x", expression: "event.data.ok == true" }, event("x", { ok: "true" }))).toBe(false);
  });

  it("never fires a trigger whose expression it cannot evaluate", () => {
    const trigger = { event: "x", expression: "event.data.n > 3" };
    expect(isSupportedExpression(trigger.expression)).toBe(false);
    expect(matchesTrigger(trigger, event("x", { n: 10 }))).toBe(false);
  });
});
