import { describe, expect, it } from "vitest";
import type { GrowthReference } from "../api/types.ts";
import { childPoints, childZScores, growthOption, growthWindow, referenceRange } from "./growthOption.ts";

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

describe("growthWindow", () => {
  const age: [number, number] = [0, 60];
  it("opens on the child's ages with 3 months either side", () => {
    expect(
      growthWindow(
        "lhfa",
        [
          [11.99, 74],
          [14.98, 77],
          [23.5, 85],
        ],
        age,
      ),
    ).toEqual([8, 27]);
  });
  it("keeps at least 12 months, inside 0-60", () => {
    expect(growthWindow("wfa", [[1.2, 4]], age)).toEqual([0, 12]);
    expect(growthWindow("wfa", [[59.4, 18]], age)).toEqual([48, 60]);
    expect(growthWindow("wfa", [[30.2, 12]], age)).toEqual([24, 36]);
  });
  it("uses 5 cm either side, at least 15 cm, for weight-for-length", () => {
    expect(growthWindow("wflh", [[74.2, 9.1]], [45, 110])).toEqual([67, 82]);
    expect(
      growthWindow(
        "wflh",
        [
          [60, 6],
          [90, 13],
        ],
        [45, 110],
      ),
    ).toEqual([55, 95]);
  });
  it("shows the whole reference when asked, or when there is no point", () => {
    expect(growthWindow("lhfa", [[12, 74]], age, true)).toEqual(age);
    expect(growthWindow("lhfa", [], age)).toEqual(age);
  });
});

describe("childZScores", () => {
  it("gives each plotted point its own z-score, skipping the measurements left off the chart", () => {
    const withZ = ms.map((m, i) => ({
      ...m,
      zlen: [-1.24, -2.05, null][i],
      zwei: [0.3, null, 0.12][i],
      zwfl: [1.1, null, null][i],
    }));
    expect(childZScores("lhfa", withZ)).toEqual([-1.24, -2.05]);
    expect(childZScores("wfa", withZ)).toEqual([0.3, 0.12]);
    expect(childZScores("wflh", withZ)).toEqual([1.1]);
  });
});

describe("growthOption with a window", () => {
  const opt = growthOption(
    ref,
    childPoints("lhfa", ms),
    { x: "x", y: "y", child: "Anak", sd: (k) => k, pointLabels: ["z -1,2", "z -2,1"] },
    [8, 18],
  ) as {
    series: {
      data: number[][];
      label?: { show: boolean; formatter: (p: { dataIndex: number }) => string };
    }[];
    xAxis: { min: number; max: number };
    yAxis: { min: number; max: number };
  };
  it("shows only the window's x range, with the reference lines cut to it", () => {
    expect(referenceRange(ref)).toEqual([0, 60]);
    expect([opt.xAxis.min, opt.xAxis.max]).toEqual([8, 18]);
    expect(opt.series[3].data).toEqual([]); // the test reference has points at 0 and 60 months only
  });
  it("fits the y axis to the child's points when no line point falls inside", () => {
    // points 74.2 and 77 cm; padding max(2.8 × 0.04, 0.5) = 0.5 → 73.7…77.5 → whole cm 73…78
    expect([opt.yAxis.min, opt.yAxis.max]).toEqual([73, 78]);
  });
  it("labels the child's points with their z-scores", () => {
    const child = opt.series[7];
    expect(child.label?.show).toBe(true);
    expect(child.label?.formatter({ dataIndex: 1 })).toBe("z -2,1");
  });
});
