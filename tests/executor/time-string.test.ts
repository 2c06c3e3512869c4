import { describe, expect, it } from "vitest";
import { parseTimeString, sleepUntil } from "@/lib/executor/time-string";

describe("time strings", () => {
  it("adds up each unit", () => {
    expect(parseTimeString("300ms")).toBe(300);
    expect(parseTimeString("1s")).toBe(1000);
    expect(parseTimeString("2h45m")).toBe(2 * 3_600_000 + 45 * 60_000);
    expect(parseTimeString("1w1d")).toBe(8 * 86_400_000);
    expect(parseTimeString("1.5s")).toBe(1500);
  });

  it("rejects anything else, quoting it", () => {
    expect(() => parseTimeString("10 minutes")).toThrow('"10 minutes" is not a time string');
    expect(() => parseTimeString("")).toThrow();
    expect(() => parseTimeString("5")).toThrow();
  });

  it("ends a sleep after a duration or at an ISO date", () => {
    const now = new Date("2026-02-01T12:00:00Z");
    expect(sleepUntil("1h30m", now).toISOString()).toBe("2026-02-01T13:30:00.000Z");
    expect(sleepUntil("2026-02-03T08:00:00.000Z", now).toISOString()).toBe("2026-02-03T08:00:00.000Z");
    expect(() => sleepUntil("2026-13-45T99:00:00Z", now)).toThrow(/not a valid ISO 8601 date/);
  });
});
