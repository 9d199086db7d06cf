import { describe, expect, it } from "vitest";
import type { GrowthReference } from "../api/types.ts";
import { childPoints, growthOption } from "./growthOption.ts";

const line = (y: number): [number, number][] => [
  [0, y],
  [1826, y + 60],
];
const ref: GrowthReference = {
  indicator: "lhfa",
  sex: 1,
  xUnit: "days",
  lines: {
    "-3": line(44),
    "-2": line(46),
    "-1": line(48),
    "0": line(50),
    "1": line(52),
    "2": line(54),
    "3": line(56),
  },
};
const ms = [
  { date: "2024-01-10", ageDays: 365, weight: 9.1, height: 74.2 },
  { date: "2024-04-10", ageDays: 456, weight: null, height: 77.0 },
  { date: "2024-07-10", ageDays: 547, weight: 10.3, height: null },
];

describe("childPoints", () => {
  it("puts length-for-age against age in months", () => {
    expect(childPoints("lhfa", ms)).toEqual([
      [11.99, 74.2],
      [14.98, 77],
    ]);
  });
  it("puts weight-for-age against age in months, skipping missing weights", () => {
    expect(childPoints("wfa", ms)).toEqual([
      [11.99, 9.1],
      [17.97, 10.3],
    ]);
  });
  it("puts weight against length for weight-for-length", () => {
    expect(childPoints("wflh", ms)).toEqual([[74.2, 9.1]]);
  });
});

describe("growthOption", () => {
  const opt = growthOption(ref, childPoints("lhfa", ms), {
    x: "Umur (bulan)",
    y: "Panjang (cm)",
    child: "Anak",
    sd: (k) => `SD ${k}`,
  }) as { series: { name: string; data: number[][] }[]; xAxis: { min: number; max: number } };
  it("draws seven reference lines then the child's points", () => {
    expect(opt.series.map((s) => s.name)).toEqual([
      "SD -3",
      "SD -2",
      "SD -1",
      "SD 0",
      "SD 1",
      "SD 2",
      "SD 3",
      "Anak",
    ]);
    expect(opt.series[7].data).toEqual([
      [11.99, 74.2],
      [14.98, 77],
    ]);
  });
  it("converts the reference's days to months (1826 days = 59.99 months)", () => {
    expect(opt.series[3].data).toEqual([
      [0, 50],
      [59.99, 110],
    ]);
    expect(opt.xAxis.min).toBe(0);
    expect(opt.xAxis.max).toBe(60);
  });
});
