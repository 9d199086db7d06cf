import { describe, expect, it } from "vitest";
import { checkPeriod, isBulanTimbang, isPeriod, latestMonth, periodDates, trendMonths } from "./periods.ts";

describe("periods", () => {
  it.each([
    ["2025-08", true],
    ["2025", true],
    ["2025-13", false],
    ["2025-8", false],
    ["25-08", false],
  ])("%s is a period: %s", (p, ok) => {
    expect(isPeriod(p)).toBe(ok);
    if (!ok) expect(() => checkPeriod(p)).toThrow(/expected YYYY-MM/);
  });

  it.each([
    ["2025-02", true],
    ["2025-08", true],
    ["2025-07", false],
    ["2025", false],
  ])("%s is bulan timbang: %s", (p, yes) => {
    expect(isBulanTimbang(p)).toBe(yes);
  });

  it("lists the 12 months ending at a period, across a year boundary", () => {
    expect(trendMonths("2025-02")).toEqual([
      "2024-03",
      "2024-04",
      "2024-05",
      "2024-06",
      "2024-07",
      "2024-08",
      "2024-09",
      "2024-10",
      "2024-11",
      "2024-12",
      "2025-01",
      "2025-02",
    ]);
    expect(trendMonths("2024")[11]).toBe("2024-12");
    expect(trendMonths("2024")[0]).toBe("2024-01");
  });

  it.each([
    [["2025-08", "2025-07", "2025"], "2025-08-20", "2025-08"],
    [["2031-01", "2025-07", "2025-06"], "2025-08-20", "2025-07"],
    [["2025-09"], "2025-08-31", null],
    [["2025-09", "2025-08"], "2025-09-01", "2025-09"],
    [["2024", "2025"], "2025-08-20", null],
    [[], "2025-08-20", null],
  ])("latestMonth(%j, %s) = %s: never a month after today's", (periods, today, expected) => {
    expect(latestMonth(periods, today)).toBe(expected);
  });

  it.each([
    ["2025", "2025-01-01", "2026-01-01"],
    ["2025-02", "2025-02-01", "2025-03-01"],
    ["2025-12", "2025-12-01", "2026-01-01"],
  ])("%s runs from %s to before %s", (p, from, to) => {
    expect(periodDates(p)).toEqual({ from, to });
  });
});
