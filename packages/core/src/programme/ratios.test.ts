import { describe, expect, it } from "vitest";
import { apportion, percent, roundTo } from "./ratios.ts";

describe("ratios", () => {
  it.each([
    [3, 4, 75],
    [0, 4, 0],
    [5, 4, 125],
    [1, 0, null],
    [0, 0, null],
    [null, 4, null],
    [3, null, null],
    [undefined, 4, null],
  ])("percent(%s, %s) = %s", (n, d, expected) => {
    expect(percent(n, d)).toBe(expected);
  });

  it.each([
    [2.345, 2, 2.35],
    [2.344, 2, 2.34],
    [-2.345, 2, -2.35],
    [66.6666, 2, 66.67],
    [12.5, 0, 13],
  ])("roundTo(%s, %i) = %s", (x, d, expected) => {
    expect(roundTo(x, d)).toBe(expected);
  });

  it.each([
    // total, weights, parts (worked by hand)
    [100, [1, 1, 1], [34, 33, 33]],
    [100_000_000, [1, 1, 1], [33_333_334, 33_333_333, 33_333_333]],
    [10, [1, 1, 1, 1], [3, 3, 2, 2]],
    [10, [3, 1], [8, 2]], // 7.5 and 2.5: equal remainders, the earlier part takes the unit
    [7, [0, 0], [4, 3]], // all weights 0: even split
    [0, [1, 2], [0, 0]],
    [50, [], []],
    [1_000, [200, 300, 500], [200, 300, 500]],
  ])("apportion(%i, %j) = %j", (total, weights, parts) => {
    const out = apportion(total, weights);
    expect(out).toEqual(parts);
    if (out.length) expect(out.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("refuses a fractional or negative amount", () => {
    expect(() => apportion(10.5, [1])).toThrow(/found 10.5, expected a whole, non-negative number of rupiah/);
    expect(() => apportion(-1, [1])).toThrow(/found -1/);
  });
});
