import { describe, expect, it } from "vitest";
import { periodFigures, rate, toFigures, unitFigures } from "./figures.ts";

describe("dashboard figures", () => {
  it.each([
    [21, 100, 21],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 50, 0],
    [5, 0, null],
    [5, null, null],
  ])("rate(%d, %s) = %s", (n, d, expected) => {
    expect(rate(n, d)).toBe(expected);
  });

  it("computes each rate over its own denominator", () => {
    const f = toFigures({
      measured: 200,
      haz_valid: 190,
      stunted: 38,
      severely_stunted: 9,
      whz_valid: 180,
      wasted: 18,
      severely_wasted: 3,
      overweight: 9,
      waz_valid: 195,
      underweight: 39,
      new_stunting: 4,
      target: 250,
    });
    expect(f).toMatchObject({
      stuntingRate: 20, // 38 / 190
      severeStuntingRate: 4.7, // 9 / 190
      wastingRate: 10, // 18 / 180
      overweightRate: 5, // 9 / 180
      underweightRate: 20, // 39 / 195
      coverageRate: 80, // 200 / 250
      newStunting: 4,
    });
    expect(toFigures(undefined)).toMatchObject({ measured: 0, stuntingRate: null, coverageRate: null });
  });

  it("a unit's and a trend point's figures equal the spread objects, keys in the same order", () => {
    const c = {
      measured: 40,
      haz_valid: 38,
      stunted: 9,
      severely_stunted: 2,
      whz_valid: 37,
      wasted: 3,
      severely_wasted: 1,
      overweight: 2,
      waz_valid: 39,
      underweight: 6,
      new_stunting: 1,
      target: 50,
    };
    const u = {
      code: "35.03.01",
      name: "Panggul",
      level: "subdistrict" as const,
      kind: "kecamatan",
      parentCode: "35.03",
    };
    for (const counts of [c, undefined]) {
      const unit = unitFigures(u, counts);
      expect(unit).toEqual({ ...u, ...toFigures(counts) });
      expect(Object.keys(unit)).toEqual(Object.keys({ ...u, ...toFigures(counts) }));
      const point = periodFigures("2025-08", counts);
      expect(point).toEqual({ ...toFigures(counts), period: "2025-08" });
      expect(Object.keys(point)).toEqual([...Object.keys(toFigures(counts)), "period"]);
    }
    expect(unitFigures(u, c)).toMatchObject({
      code: "35.03.01",
      measured: 40,
      stuntingRate: 23.7,
      coverageRate: 80,
    });
  });
});
