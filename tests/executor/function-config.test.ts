import { describe, expect, it } from "vitest";
import { parseFunctionConfigs } from "@/lib/executor/function-config";

const step = (attempts?: number) => ({
  step: {
    id: "step",
    name: "step",
    runtime: { type: "http", url: "http://x" },
    ...(attempts === undefined ? {} : { retries: { attempts } }),
  },
});

describe("parseFunctionConfigs", () => {
  it("takes ids, triggers, attempts and the strictest concurrency limit from a sync payload", () => {
    const [etl, training] = parseFunctionConfigs("pl-mlops", [
      {
        id: "pl-mlops-etl",
        name: "ETL",
        triggers: [{ event: "pipeline/etl.requested" }, { cron: "0 4 * * *" }],
        steps: step(2),
        concurrency: { limit: 1 },
      },
      {
        id: "pl-mlops-training",
        triggers: [{ event: "data/matches.updated", expression: "event.data.n == 1" }],
        steps: step(),
        concurrency: [{ limit: 4 }, { limit: 2, key: "event.data.season" }],
        debounce: { period: "5m" },
      },
    ]);
    expect(etl).toEqual({
      id: "etl",
      slug: "pl-mlops-etl",
      name: "ETL",
      events: [{ event: "pipeline/etl.requested" }],
      crons: ["0 4 * * *"],
      maxAttempts: 3,
      concurrency: 1,
      ignored: [],
    });
    expect(training).toMatchObject({ id: "training", maxAttempts: 4, concurrency: 2, ignored: ["debounce"] });
    expect(parseFunctionConfigs("a", [{ id: "a-f", triggers: [], steps: step(0), concurrency: 0 }])[0]).toMatchObject({
      maxAttempts: 1,
      concurrency: null,
    });
  });

  it("names the function and field of an invalid config", () => {
    expect(() =>
      parseFunctionConfigs("a", [
        { id: "a-ok", triggers: [], steps: step() },
        { id: "a-bad", triggers: "pipeline/x", steps: step() },
      ]),
    ).toThrow(/Function config #1 is invalid at triggers/);
  });
});
