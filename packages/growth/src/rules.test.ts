import { describe, expect, it } from "vitest";
import {
  adjustLenhei,
  ageDaysFromMonths,
  bodyMassIndex,
  chooseWeightForLenheiTable,
  type Indicator,
  interpolate,
  isImplausible,
  isInWeightForLenheiRange,
  isMeasurementPresent,
  isMissingForOedema,
  isStandingUnderNineMonths,
  isUnderSixtyMonths,
  lenheiRowAndFraction,
  MEASURE_LYING,
  MEASURE_STANDING,
  MEASURE_UNKNOWN,
  type MeasureCode,
  roundHalfUp,
  usesRestrictedZscore,
  wholeAgeDays,
} from "./rules.ts";

describe("age", () => {
  it.each([
    [0, 0],
    [730.49, 730],
    [730.5, 731],
    [1826.25, 1826],
    [1826.5, 1827],
  ])("roundHalfUp(%s) = %s", (x, expected) => {
    expect(roundHalfUp(x)).toBe(expected);
  });

  it.each([
    [12, 365], // 365.25
    [24, 731], // 730.5 rounds up
    [9, 274], // 273.9375
    [60, 1826], // 1826.25
    [0.5, 15], // 15.21875
  ])("ageDaysFromMonths(%s) = %s", (months, days) => {
    expect(ageDaysFromMonths(months)).toBe(days);
  });

  it("whole days: NaN for missing or negative ages", () => {
    expect(wholeAgeDays(527.25)).toBe(527);
    expect(wholeAgeDays(229.5)).toBe(230);
    expect(wholeAgeDays(-1)).toBeNaN();
    expect(wholeAgeDays(Number.NaN)).toBeNaN();
  });

  it.each([
    [59.99, true],
    [60, false],
    [61.2, false],
  ])("under 60 months at %s months: %s", (months, under) => {
    expect(isUnderSixtyMonths(months)).toBe(under);
  });
});

describe("measuring position", () => {
  it.each([
    [MEASURE_STANDING, 8.99, true],
    [MEASURE_STANDING, 9, false],
    [MEASURE_LYING, 3, false],
    [MEASURE_UNKNOWN, 3, false],
  ] as [MeasureCode, number, boolean][])(
    "standing under 9 months (position %s, %s months): %s",
    (m, months, flag) => {
      expect(isStandingUnderNineMonths(m, months)).toBe(flag);
    },
  );

  it.each([
    [80, 730, MEASURE_STANDING, 80.7],
    [80, 731, MEASURE_STANDING, 80],
    [90, 731, MEASURE_LYING, 89.3],
    [90, 730, MEASURE_LYING, 90],
    [80, Number.NaN, MEASURE_STANDING, 80],
    [80, 100, MEASURE_UNKNOWN, 80],
  ] as [number, number, MeasureCode, number][])(
    "adjustLenhei(%s cm, day %s, position %s) = %s",
    (len, day, m, out) => {
      expect(adjustLenhei(len, day, m)).toBeCloseTo(out, 12);
    },
  );
});

describe("weight-for-length or weight-for-height", () => {
  it.each([
    [730, MEASURE_STANDING, 100, "wfl"],
    [731, MEASURE_LYING, 70, "wfh"],
    [Number.NaN, MEASURE_LYING, 100, "wfl"],
    [Number.NaN, MEASURE_STANDING, 70, "wfh"],
    [Number.NaN, MEASURE_UNKNOWN, 86.9, "wfl"],
    [Number.NaN, MEASURE_UNKNOWN, 87, "wfh"],
    [Number.NaN, MEASURE_UNKNOWN, Number.NaN, undefined],
  ] as [number, MeasureCode, number, string | undefined][])(
    "day %s, position %s, %s cm: %s",
    (day, m, len, table) => {
      expect(chooseWeightForLenheiTable(day, m, len)).toBe(table);
    },
  );

  it.each([
    ["wfl", 45, true],
    ["wfl", 44.99, false],
    ["wfl", 110, true],
    ["wfl", 110.01, false],
    ["wfh", 65, true],
    ["wfh", 64.99, false],
    ["wfh", 120, true],
    ["wfh", 120.01, false],
  ] as const)("%s range holds %s cm: %s", (table, len, inRange) => {
    expect(isInWeightForLenheiRange(table, len)).toBe(inRange);
  });

  it("finds the 0.1 cm row below, the next row and the fraction to it", () => {
    expect(lenheiRowAndFraction(45)).toEqual({ row: 450, upperRow: 451, fraction: 0 });
    const { row, upperRow, fraction } = lenheiRowAndFraction(85.25);
    expect(row).toBe(852);
    expect(upperRow).toBe(853);
    expect(fraction).toBeCloseTo(0.5, 10);
  });

  // x · 10 just below a whole number: trunc gives the row below, and x · 10 + 1 stays below
  // the next whole number, except where the sum crosses a power of two (a double's spacing
  // doubles at 512 and 1024, so the sum rounds up): there anthro's rows are 0.2 cm apart.
  it.each([
    // x (the adjusted length/height), x · 10 as a double, rows anthro joins
    ["84.6 − 0.0 (plain 0.1 cm row)", 84.6, 846, 847],
    ["66.1 − 0.7 = 65.39999999999999 (x · 10 = 653.9999999999999)", 66.1 - 0.7, 653, 654],
    ["103.1 − 0.7 = 102.39999999999999 (x · 10 = 1024 − 2⁻⁴³)", 103.1 - 0.7, 1023, 1025],
    ["51.9 − 0.7 = 51.199999999999996 (x · 10 = 512 − 2⁻⁴⁴)", 51.9 - 0.7, 511, 513],
    ["102.4 (x · 10 = 1024 exactly)", 102.4, 1024, 1025],
  ])("rows as anthro for %s", (_case, x, row, upperRow) => {
    expect(lenheiRowAndFraction(x)).toMatchObject({ row, upperRow });
  });

  it("interpolates linearly", () => {
    expect(interpolate(1, 3, 0.5)).toBe(2);
    expect(interpolate(1, 3, 0)).toBe(1);
    expect(interpolate(1, Number.NaN, 0)).toBe(1); // no next row needed at a row
  });
});

describe("measurements and flags", () => {
  it.each([
    [0.1, true],
    [0, false],
    [-1, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    [undefined, false],
  ])("measurement %s present: %s", (x, present) => {
    expect(isMeasurementPresent(x)).toBe(present);
  });

  it("BMI = weight / (cm/100)²", () => {
    expect(bodyMassIndex(10, 80)).toBeCloseTo(15.625, 12);
  });

  it.each([
    ["len", -6, false],
    ["len", -6.01, true],
    ["len", 6, false],
    ["len", 6.01, true],
    ["wei", -6, false],
    ["wei", -6.01, true],
    ["wei", 5, false],
    ["wei", 5.01, true],
    ["wfl", -5.01, true],
    ["wfl", 5, false],
    ["bmi", 5.01, true],
    ["hc", -5, false],
    ["ac", -5.01, true],
    ["ts", 5.01, true],
    ["ss", -5.01, true],
  ] as [Indicator, number, boolean][])("%s flagged at z = %s: %s", (indicator, z, flagged) => {
    expect(isImplausible(indicator, z)).toBe(flagged);
  });

  it("oedema removes only the weight-based z-scores; only length and head circumference keep the plain form", () => {
    const all: Indicator[] = ["len", "wei", "wfl", "bmi", "hc", "ac", "ts", "ss"];
    expect(all.filter((i) => isMissingForOedema(i, true))).toEqual(["wei", "wfl", "bmi"]);
    expect(all.filter((i) => isMissingForOedema(i, false))).toEqual([]);
    expect(all.filter((i) => !usesRestrictedZscore(i))).toEqual(["len", "hc"]);
  });
});
