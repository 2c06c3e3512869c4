import { describe, expect, it } from "vitest";
import {
  BUNDLED_SEASONS,
  isSeasonCode,
  parseSeasonList,
  seasonCodeForStartYear,
  seasonLabel,
  seasonOfDate,
  seasonStartYear,
  seasonWindow,
} from "@/lib/data/season-code";

describe("season codes", () => {
  it("reads YYZZ codes across the century", () => {
    expect(seasonStartYear("9394")).toBe(1993);
    expect(seasonStartYear("9900")).toBe(1999);
    expect(seasonStartYear("2627")).toBe(2026);
    expect(seasonCodeForStartYear(1999)).toBe("9900");
    expect(seasonCodeForStartYear(2005)).toBe("0506");
    expect(seasonLabel("9900")).toBe("1999/00");
  });

  it("rejects codes whose years do not follow", () => {
    expect(isSeasonCode("2324")).toBe(true);
    expect(isSeasonCode("2325")).toBe(false);
    expect(isSeasonCode("23-4")).toBe(false);
    expect(() => seasonStartYear("2023")).toThrow(/not a season code/);
  });

  it("lists the 33 bundled seasons in order", () => {
    expect(BUNDLED_SEASONS).toHaveLength(33);
    expect(BUNDLED_SEASONS[0]).toBe("9394");
    expect(BUNDLED_SEASONS[6]).toBe("9900");
    expect(BUNDLED_SEASONS[7]).toBe("0001");
    expect(BUNDLED_SEASONS.at(-1)).toBe("2526");
  });

  it("places dates in seasons with August as the first month", () => {
    expect(seasonOfDate(new Date("2026-08-21T19:00:00Z"))).toBe("2627");
    expect(seasonOfDate(new Date("2027-05-30T15:00:00Z"))).toBe("2627");
    expect(seasonOfDate(new Date("2026-06-30T23:00:00Z"))).toBe("2526");
    // The last matches of 2019/20 were played in July 2020.
    expect(seasonOfDate(new Date("2020-07-26T15:00:00Z"))).toBe("1920");
    expect(seasonOfDate(new Date("2020-08-01T00:00:00Z"))).toBe("2021");
    // 2019/20 ended on 26 July 2020, inside its window.
    const { start, end } = seasonWindow("1920");
    expect(start.toISOString()).toBe("2019-07-01T00:00:00.000Z");
    expect(end.toISOString()).toBe("2020-08-01T00:00:00.000Z");
  });

  it("parses the CLI's --seasons list and names bad codes", () => {
    expect(parseSeasonList(" 2324,2425,2324 ")).toEqual(["2324", "2425"]);
    expect(() => parseSeasonList("2324,24x5,2023")).toThrow("24x5, 2023");
    expect(() => parseSeasonList(",")).toThrow(/no seasons/);
  });
});
