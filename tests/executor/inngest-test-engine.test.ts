import { InngestTestEngine } from "@inngest/test";
import { eventType } from "inngest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { withTestDatabase } from "../helpers/with-test-database";
import { createTestClient } from "./test-app";

// The pattern for testing the project's functions with @inngest/test: a fresh engine per test,
// step bodies as plain functions taking their inputs, sleeps and event sends mocked as steps.

type Result = "H" | "D" | "A";
const summarise = (season: string, results: Result[]) => ({
  season,
  matches: results.length,
  homeWins: results.filter((r) => r === "H").length,
});

const client = createTestClient("engine-test");
const seasonRequested = eventType("test/season.requested", {
  schema: z.object({ season: z.string().regex(/^\d{4}$/) }),
});
const loaded: Record<string, Result[]> = { "2324": ["H", "D", "H", "A", "H"] };

const summariseSeason = client.createFunction(
  { id: "summarise-season", retries: 1, triggers: [{ event: seasonRequested }] },
  async ({ event, step, log }) => {
    const results = await step.run("load results", () => {
      const found = loaded[event.data.season];
      if (!found) throw new Error(`no results for season ${event.data.season}`);
      return found;
    });
    await step.sleep("cool down", "10m");
    const summary = await step.run("summarise", () => summarise(event.data.season, results));
    await log("info", "summarised", summary);
    await step.sendEvent("announce", { name: "test/season.summarised", data: summary });
    return summary;
  },
);

// Mocks replace, not extend, the engine's list: every engine keeps the sleep and the send mocked.
const alwaysMocked = [
  { id: "cool down", handler: () => null },
  { id: "announce", handler: () => ({ ids: ["event-1"] }) },
];
const engine = (data: Record<string, unknown>, steps: InngestTestEngine.MockedStep[] = []) =>
  new InngestTestEngine({
    function: summariseSeason,
    events: [{ name: "test/season.requested", data }],
    steps: [...alwaysMocked, ...steps],
  });

// The run log writes to the database; functions under test get a throwaway one.
withTestDatabase();

describe("a function under @inngest/test", () => {
  it("runs to completion with the sleep and the send mocked", async () => {
    const { result, ctx } = await engine({ season: "2324" }).execute();
    expect(result).toEqual({ season: "2324", matches: 5, homeWins: 3 });
    expect(ctx.step.sleep).toHaveBeenCalledWith("cool down", "10m");
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("announce", {
      name: "test/season.summarised",
      data: { season: "2324", matches: 5, homeWins: 3 },
    });
  });

  it("runs a single step", async () => {
    const { result } = await engine({ season: "2324" }).executeStep("load results");
    expect(result).toEqual(["H", "D", "H", "A", "H"]);
  });

  it("fails the run when a step throws (the engine models no retries)", async () => {
    const { result, error } = await engine({ season: "1999" }).execute();
    expect(result).toBeUndefined();
    expect(error).toMatchObject({ name: "Error", message: "no results for season 1999" });
  });

  it("replaces a step with a mock, e.g. one that reads a source over the network", async () => {
    const { result } = await engine({ season: "1999" }, [{ id: "load results", handler: () => ["A", "A"] }]).execute();
    expect(result).toEqual({ season: "1999", matches: 2, homeWins: 0 });
  });

  it("rejects an event whose data does not match the trigger's schema", async () => {
    const { result, error } = await engine({ season: "23/24" }).execute();
    expect(result).toBeUndefined();
    expect(error).toMatchObject({ name: "EventValidationError", message: expect.stringMatching(/^season: .*pattern/) });
  });
});
