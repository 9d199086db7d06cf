import { describe, expect, it } from "vitest";
import { digitPreference, dpsClass, terminalDigit } from "./digit-preference.ts";

describe("terminal digit at 0.1", () => {
  it.each([
    [8.0, 0],
    [8.5, 5],
    [12.34, 3],
    [12.36, 4],
    [5.04, 0],
    [5.06, 1],
    [9.96, 0], // 10.0
    [8.25, 2], // exact tie: the even tenth, as printf writes "8.2"
    [8.75, 8], // exact tie: "8.8"
    [8.35, 3], // 8.35 is 8.3499999… as a double: "8.3"
    [85.65, 7], // 85.650000000000006 as a double: "85.7"
    [1.15, 1], // 1.1499999999999999: "1.1" (1.15 · 10 is 11.5 in floating point, which would round to 2)
  ])("%d → %i", (value, digit) => {
    expect(terminalDigit(value)).toBe(digit);
  });

  it("gives printf's digit for every value to 0.005 up to 200 and for random values", () => {
    // printf's rule from the decimal text: toFixed(1), and the even tenth on an exact tie.
    const printf = (v: number) => {
      const d = Number(v.toFixed(1).slice(-1));
      return Number.isInteger(v * 4) && !Number.isInteger(v * 2) && d % 2 === 1 ? d - 1 : d;
    };
    const values: number[] = [];
    for (let k = 1; k <= 40_000; k++) values.push(k / 200, k * 0.005);
    let seed = 7;
    for (let k = 0; k < 20_000; k++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      values.push((seed / 2 ** 31) * 150);
    }
    const wrong = values.filter((v) => terminalDigit(v) !== printf(v));
    expect(wrong).toEqual([]);
  });
});

describe("digit preference score (SMART DPS)", () => {
  it("scores 10 values by hand: χ² 14, DPS 39.44, problematic", () => {
    // digits 0, 5, 0, 0, 5, 3, 2, 8, 0, 1 → counts 0:4 1:1 2:1 3:1 5:2 8:1, the rest 0; expected 1 each.
    // χ² = (4−1)² + 0 + 0 + 0 + (0−1)² + (2−1)² + (0−1)² + (0−1)² + 0 + (0−1)² = 9 + 5 = 14.
    // DPS = 100 · √(14 / (10 · 9)) = 100 · √0.155556 = 39.44.
    const r = digitPreference([8.0, 8.5, 9.0, 10.0, 7.5, 6.3, 12.25, 12.75, 5.04, 5.06]);
    expect(r.n).toBe(10);
    expect(r.counts).toEqual([4, 1, 1, 1, 0, 2, 0, 0, 1, 0]);
    expect(r.percents).toEqual([40, 10, 10, 10, 0, 20, 0, 0, 10, 0]);
    expect(r.chiSquare).toBeCloseTo(14, 10);
    expect(r.dps).toBe(39.44);
    expect(r.dpsClass).toBe("problematic");
  });

  it("scores one of each digit 0 (excellent) and leaves out missing values", () => {
    const values = [10.0, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6, 10.7, 10.8, 10.9, null, undefined, 0];
    const r = digitPreference(values);
    expect([r.n, r.chiSquare, r.dps, r.dpsClass]).toEqual([10, 0, 0, "excellent"]);
  });

  it("scores 20 values, 12 ending in .0 and 8 in .5: χ² 84, DPS 68.31", () => {
    // expected 2 of each digit: (12 − 2)² / 2 + (8 − 2)² / 2 + 8 digits · (0 − 2)² / 2 = 50 + 18 + 16 = 84;
    // DPS = 100 · √(84 / (20 · 9)) = 100 · √0.466667 = 68.31.
    const r = digitPreference([...new Array(12).fill(9.0), ...new Array(8).fill(9.5)]);
    expect(r.chiSquare).toBeCloseTo(84, 10);
    expect(r.dps).toBe(68.31);
  });

  it("has no score for no values", () => {
    expect(digitPreference([])).toMatchObject({ n: 0, chiSquare: null, dps: null, dpsClass: null });
  });

  it.each([
    [0, "excellent"],
    [7.99, "excellent"],
    [8, "good"],
    [11.99, "good"],
    [12, "acceptable"],
    [19.99, "acceptable"],
    [20, "problematic"],
  ] as const)("DPS %d is %s", (dps, cls) => {
    expect(dpsClass(dps)).toBe(cls);
  });
});
