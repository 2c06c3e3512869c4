import { describe, expect, it } from "vitest";
import { londonLocalToUtc } from "@/lib/data/london-time";

const utc = (y: number, m: number, d: number, h: number, min: number) =>
  londonLocalToUtc(y, m, d, h, min).toISOString();

describe("UK wall-clock time to UTC", () => {
  it("subtracts an hour in British Summer Time and nothing in winter", () => {
    // Burnley v Man City, 11/08/2023 20:00 in E0_2324.csv.
    expect(utc(2023, 8, 11, 20, 0)).toBe("2023-08-11T19:00:00.000Z");
    expect(utc(2023, 12, 26, 15, 0)).toBe("2023-12-26T15:00:00.000Z");
  });

  it("follows the clock changes on their real dates", () => {
    // 2024: BST began Sunday 31 March, ended Sunday 27 October.
    expect(utc(2024, 3, 30, 15, 0)).toBe("2024-03-30T15:00:00.000Z");
    expect(utc(2024, 3, 31, 14, 0)).toBe("2024-03-31T13:00:00.000Z");
    expect(utc(2024, 10, 26, 17, 30)).toBe("2024-10-26T16:30:00.000Z");
    expect(utc(2024, 10, 27, 14, 0)).toBe("2024-10-27T14:00:00.000Z");
    // Before 1996 BST ended on the fourth Sunday of October: 22 October 1995, not the 29th.
    expect(utc(1995, 10, 21, 15, 0)).toBe("1995-10-21T14:00:00.000Z");
    expect(utc(1995, 10, 22, 15, 0)).toBe("1995-10-22T15:00:00.000Z");
  });

  it("handles late evening on either side of a change", () => {
    expect(utc(2023, 10, 28, 23, 30)).toBe("2023-10-28T22:30:00.000Z");
    expect(utc(2023, 10, 29, 20, 0)).toBe("2023-10-29T20:00:00.000Z");
  });
});
