import { describe, expect, it } from "vitest";
import {
  DEFAULT_PERIOD_RULE,
  defaultMonth,
  defaultPublicPeriod,
  type MonthActivity,
} from "./default-period.ts";

const act = (month: string, measured: number, posyanduReporting: number): MonthActivity => ({
  month,
  measured,
  posyanduReporting,
});

/** A district of about 1,000 children measured in 50 posyandu a month; February is bulan timbang. */
const base = [
  act("2025-01", 1000, 50),
  act("2025-02", 1500, 52),
  act("2025-03", 980, 49),
  act("2025-04", 1010, 50),
  act("2025-05", 990, 50),
];

describe("completeness of each month against the median of the 3 earlier months with data", () => {
  it.each([
    // month, baseline measured, baseline posyandu, completeness (worked by hand)
    ["2025-01", null, null, null], // no earlier month
    ["2025-02", 1000, 50, 52 / 50], // 1500/1000 = 1.5, 52/50 = 1.04: the smaller
    ["2025-03", 1250, 51, 980 / 1250], // median of 1000, 1500 is 1250; 980/1250 = 0.784 < 49/51
    ["2025-04", 1000, 50, 1], // median of 1000, 1500, 980 is 1000; 1010/1000, 50/50
    ["2025-05", 1010, 50, 990 / 1010], // median of 1500, 980, 1010 is 1010 (February does not raise it)
    ["2025-06", 990, 50, 1 / 990], // one child in one posyandu: 0.001
  ])("%s: baseline %s children, %s posyandu, completeness %s", (month, bm, bp, c) => {
    const { months } = defaultMonth([...base, act("2025-06", 1, 1)], "2025-06-03");
    const m = months.find((x) => x.month === month)!;
    expect(m.baselineMeasured).toBe(bm);
    expect(m.baselinePosyandu).toBe(bp);
    if (c === null) expect(m.completeness).toBeNull();
    else expect(m.completeness).toBeCloseTo(c, 12);
  });

  it("skips a month without data in the baseline (April missing: May compares with Jan–Mar)", () => {
    const { months } = defaultMonth(
      base.filter((a) => a.month !== "2025-04"),
      "2025-06-03",
    );
    expect(months.find((m) => m.month === "2025-05")).toMatchObject({
      baselineMeasured: 1000,
      baselinePosyandu: 50,
    });
  });
});

describe("the default month", () => {
  it.each([
    // case, June's reporting (or none), today, default
    ["one entry dated today in a new month", act("2025-06", 1, 1), "2025-06-03", "2025-05"],
    ["June at 71 % / 80 % on the 25th", act("2025-06", 700, 40), "2025-06-25", "2025-06"],
    [
      "June at 71 % on the 20th (the first day it may be chosen)",
      act("2025-06", 700, 40),
      "2025-06-20",
      "2025-06",
    ],
    ["June at 71 % on the 19th", act("2025-06", 700, 40), "2025-06-19", "2025-05"],
    ["June already as complete as usual on the 10th", act("2025-06", 1000, 50), "2025-06-10", "2025-06"],
    ["June at 51 % on the 25th", act("2025-06", 500, 45), "2025-06-25", "2025-05"],
    ["June with 81 % of children but 40 % of posyandu", act("2025-06", 800, 20), "2025-06-25", "2025-05"],
    ["nothing yet in June", undefined, "2025-06-03", "2025-05"],
  ])("%s → %s", (_case, june, today, expected) => {
    expect(defaultMonth(june ? [...base, june] : base, today).month).toBe(expected);
  });

  it("passes over a past month whose entry lags behind (May at 40 %) to April", () => {
    const lagging = [...base.slice(0, 4), act("2025-05", 400, 20)];
    const r = defaultMonth(lagging, "2025-06-05");
    expect(r.month).toBe("2025-04");
    expect(r.months.find((m) => m.month === "2025-05")).toMatchObject({ eligible: false });
    expect(r.months.find((m) => m.month === "2025-05")?.completeness).toBeCloseTo(400 / 1010, 12);
  });

  it("never chooses a month after today's (a mistyped date), and marks it", () => {
    const r = defaultMonth([...base, act("2025-09", 3, 1)], "2025-06-25");
    expect(r.month).toBe("2025-05");
    expect(r.months.at(-1)).toMatchObject({ month: "2025-09", future: true, eligible: false });
  });

  it("falls back on the latest month with data when no month is eligible, and gives null without data", () => {
    // the region's first entries, on the 3rd of its first month: nothing to compare, too early
    expect(defaultMonth([act("2025-06", 12, 2)], "2025-06-03").month).toBe("2025-06");
    expect(defaultMonth([], "2025-06-03")).toEqual({ month: null, months: [] });
  });

  it("adds up rows given twice for one month", () => {
    const r = defaultMonth([act("2025-01", 10, 1), act("2025-01", 5, 1)], "2025-03-01");
    expect(r.months).toHaveLength(1);
    expect(r.months[0]).toMatchObject({ measured: 15, posyanduReporting: 2 });
  });

  it("compares a month after a gap of more than a year with the months before the gap", () => {
    // 100 children a month until August 2025; then one in November 2026 and one on 5 December:
    // November is 1 % of the median of June–August (100), December 1 of median(1, 100, 100) = 100
    const r = defaultMonth(
      [
        act("2025-06", 100, 10),
        act("2025-07", 100, 10),
        act("2025-08", 100, 10),
        act("2026-11", 1, 1),
        act("2026-12", 1, 1),
      ],
      "2026-12-05",
    );
    expect(r.months.map((m) => [m.month, m.completeness, m.eligible])).toEqual([
      ["2025-06", null, true],
      ["2025-07", 1, true],
      ["2025-08", 1, true],
      ["2026-11", 0.01, false],
      ["2026-12", 0.01, false],
    ]);
    expect(r.month).toBe("2025-08");
  });

  it("takes its thresholds from the rule given", () => {
    expect(DEFAULT_PERIOD_RULE).toEqual({
      threshold: 0.6,
      baselineMonths: 3,
      lookbackMonths: 12,
      currentMonthFromDay: 20,
      currentMonthEarlyThreshold: 1,
    });
    // at 80 %, June at 71 % on the 25th is not enough
    const strict = { ...DEFAULT_PERIOD_RULE, threshold: 0.8 };
    expect(defaultMonth([...base, act("2025-06", 700, 40)], "2025-06-25", strict).month).toBe("2025-05");
  });
});

describe("the public page's default period", () => {
  it.each([
    // published, today, default
    [["2025-08", "2025-02", "2024", "2025-07", "2025-09"], "2025-10-10", "2025-08"],
    [["2024", "2024-08", "2025-02"], "2025-03-01", "2025-02"], // February is over
    [["2024", "2024-08", "2025-02"], "2025-02-15", "2024"], // February is not over; 2024 ends after August 2024
    [["2024-08", "2024-02"], "2025-02-15", "2024-08"],
    [["2025"], "2025-12-31", null], // the year is not over
    [["2025-03", "2025-04"], "2025-06-01", null], // not bulan timbang
    [[], "2025-06-01", null],
  ])("%j on %s → %s", (published, today, expected) => {
    expect(defaultPublicPeriod(published, today)).toBe(expected);
  });
});
