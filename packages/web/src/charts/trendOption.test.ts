import { describe, expect, it } from "vitest";
import { trendOption } from "./trendOption.ts";

const labels = {
  stunting: "Stunting",
  wasting: "Wasting",
  underweight: "Underweight",
  overweight: "Overweight",
  target: "Target",
  periodName: (p: string) => `P${p}`,
  percent: (v: number) => `${v}%`,
};

const trend = [
  { period: "2024-07", stuntingRate: 22.5, wastingRate: 6.1, underweightRate: 15, overweightRate: 3 },
  { period: "2024-08", stuntingRate: null, wastingRate: null, underweightRate: null, overweightRate: null },
  { period: "2024-09", stuntingRate: 19.8, wastingRate: 5.2, underweightRate: 13.4, overweightRate: 2.7 },
];

describe("trendOption", () => {
  const opt = trendOption(trend, 14, labels) as Record<string, unknown> & {
    series: { name: string; data: (number | null)[]; markLine?: { data: { yAxis: number }[] } }[];
    xAxis: { data: string[] };
    yAxis: { max: number };
  };
  it("has one line per indicator in the order of the periods", () => {
    expect(opt.series.map((s) => s.name)).toEqual(["Stunting", "Wasting", "Underweight", "Overweight"]);
    expect(opt.series[0].data).toEqual([22.5, null, 19.8]);
    expect(opt.series[2].data).toEqual([15, null, 13.4]);
    expect(opt.xAxis.data).toEqual(["P2024-07", "P2024-08", "P2024-09"]);
  });
  it("draws the national target on the stunting line only", () => {
    expect(opt.series[0].markLine?.data).toEqual([{ yAxis: 14, name: "Target" }]);
    expect(opt.series.slice(1).every((s) => s.markLine === undefined)).toBe(true);
  });
  it("scales the axis to hold the highest rate with headroom, in steps of 5", () => {
    // 22.5 × 1.15 = 25.9 → 30
    expect(opt.yAxis.max).toBe(30);
    const low = trendOption(
      [{ ...trend[0], stuntingRate: 2, wastingRate: 1, underweightRate: 1, overweightRate: 1 }],
      14,
      labels,
    ) as { yAxis: { max: number } };
    // the target (14) still fits: 14 × 1.15 = 16.1 → 20
    expect(low.yAxis.max).toBe(20);
  });
});
