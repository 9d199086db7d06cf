import { describe, expect, it } from "vitest";
import { choroplethOption, STUNTING_CLASSES, stuntingClass } from "./choroplethOption.ts";

describe("stuntingClass", () => {
  it.each([
    [0, "veryLow"],
    [2.49, "veryLow"],
    [2.5, "low"],
    [9.99, "low"],
    [10, "medium"],
    [19.9, "medium"],
    [20, "high"],
    [29.99, "high"],
    [30, "veryHigh"],
    [100, "veryHigh"],
  ] as const)("%s%% is %s", (rate, key) => {
    expect(stuntingClass(rate)).toBe(key);
  });
  it("has no class without a rate", () => {
    expect(stuntingClass(null)).toBeNull();
    expect(stuntingClass(Number.NaN)).toBeNull();
  });
});

describe("choroplethOption", () => {
  const labels = {
    series: "Stunting",
    noData: "no data",
    percent: (v: number) => `${v}%`,
    classLabel: (k: string) => k,
  };
  const opt = choroplethOption(
    "m",
    [
      { code: "35.03.01", name: "Panggul", value: 21.4 },
      { code: "35.03.02", name: "Munjungan", value: null },
    ],
    labels,
  ) as {
    series: { nameProperty: string; data: { name: string; value: number }[] }[];
    visualMap: { pieces: { gte: number; lt?: number; label: string }[] };
  };
  it("keys regions by code and leaves a missing rate out of every class", () => {
    expect(opt.series[0].nameProperty).toBe("code");
    expect(opt.series[0].data[0]).toMatchObject({ name: "35.03.01", regionName: "Panggul", value: 21.4 });
    expect(Number.isNaN(opt.series[0].data[1].value)).toBe(true);
  });
  it("colours by the five WHO–UNICEF classes, the last one open-ended", () => {
    expect(opt.visualMap.pieces.map((p) => [p.gte, p.lt, p.label])).toEqual([
      [0, 2.5, "veryLow"],
      [2.5, 10, "low"],
      [10, 20, "medium"],
      [20, 30, "high"],
      [30, undefined, "veryHigh"],
    ]);
    expect(STUNTING_CLASSES).toHaveLength(5);
  });
});
