import { describe, expect, it } from "vitest";
import { rerunRequest } from "@/lib/pipelines/rerun-request";

describe("rerunRequest", () => {
  it("repeats a requested run with the same parameters", () => {
    const params = { source: "live", seasons: ["2324"], force: true };
    expect(rerunRequest({ functionId: "etl", eventName: "pipeline/etl.requested", params })).toEqual({
      event: { name: "pipeline/etl.requested", data: params },
      sameParameters: true,
    });
  });

  it("turns a run started by another event into a plain request with defaults", () => {
    const run = {
      functionId: "training",
      eventName: "data/matches.updated",
      params: { inserted: 10, updated: 0, files: 1 },
    };
    expect(rerunRequest(run)).toEqual({
      event: { name: "pipeline/training.requested", data: {} },
      sameParameters: false,
    });
  });

  it("turns a cron run into a plain request", () => {
    const run = { functionId: "etl", eventName: "inngest/scheduled.timer", params: { cron: "0 6 * * *" } };
    expect(rerunRequest(run)?.event).toEqual({ name: "pipeline/etl.requested", data: {} });
  });

  it("has nothing to rerun for an unknown function", () => {
    expect(rerunRequest({ functionId: "something-else", eventName: null, params: {} })).toBeNull();
  });
});
