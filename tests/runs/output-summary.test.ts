import { describe, expect, it } from "vitest";
import { summarizeOutput } from "@/lib/runs/output-summary";

describe("summarizeOutput", () => {
  it("shows short values as JSON", () => {
    expect(summarizeOutput({ inserted: 380, updated: 0 })).toBe('{"inserted":380,"updated":0}');
    expect(summarizeOutput(null)).toBe("null");
    expect(summarizeOutput(undefined)).toBeNull();
  });

  it("cuts long values at the limit and says what they are", () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ id: i }));
    const summary = summarizeOutput(rows, 60)!;
    expect(summary.startsWith('array of 100: [{"id":0}')).toBe(true);
    expect(summary.endsWith("…")).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(60);
    expect(summarizeOutput({ a: "x".repeat(300), b: 1 }, 40)!.startsWith("object with keys a, b: ")).toBe(true);
  });
});
