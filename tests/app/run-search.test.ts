import { describe, expect, it } from "vitest";
import { parseRunSearch, runSearchHref, sortHref } from "@/app/_components/runs/run-search";

describe("the Runs table's URL state", () => {
  it("reads filters, sort, page and size, falling back to defaults for anything unreadable", () => {
    expect(
      parseRunSearch({ function: "etl", status: "failed", sort: "durationMs", dir: "asc", page: "3", size: "10" }),
    ).toEqual({
      function: "etl",
      status: "failed",
      sort: "durationMs",
      dir: "asc",
      page: 3,
      size: 10,
    });
    expect(
      parseRunSearch({ function: "nope", status: "odd", sort: "id; drop", dir: "up", page: "-2", size: "7" }),
    ).toEqual({
      function: undefined,
      status: undefined,
      sort: "queuedAt",
      dir: "desc",
      page: 1,
      size: 25,
    });
    expect(parseRunSearch({ page: ["2", "5"] }).page).toBe(2);
  });

  it("writes only what differs from the defaults, and a new filter or size starts at page 1", () => {
    const search = parseRunSearch({ function: "training", page: "4" });
    expect(runSearchHref(search, { page: 5 })).toBe("/runs?function=training&page=5");
    expect(runSearchHref(search, { status: "completed" })).toBe("/runs?function=training&status=completed");
    expect(runSearchHref(search, { size: 50 })).toBe("/runs?function=training&size=50");
    expect(runSearchHref(search, { function: undefined, page: 1 })).toBe("/runs");
  });

  it("sorts by a new column in its natural direction and flips the sorted one", () => {
    const search = parseRunSearch({});
    expect(sortHref(search, "queuedAt")).toBe("/runs?dir=asc");
    expect(sortHref(search, "durationMs")).toBe("/runs?sort=durationMs");
    expect(sortHref(search, "functionId")).toBe("/runs?sort=functionId&dir=asc");
    expect(sortHref(parseRunSearch({ sort: "functionId", dir: "asc" }), "functionId")).toBe("/runs?sort=functionId");
  });
});
