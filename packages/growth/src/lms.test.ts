import { describe, expect, it } from "vitest";
import { measureAtSd, restrictZscore, roundLikeR, roundZ, zscoreLms, zscoreRestricted } from "./lms.ts";

describe("LMS z-score", () => {
  // Hand-worked: z = ((y/M)^L − 1)/(S·L).
  it.each([
    ["median", 50, 1, 50, 0.04, 0],
    ["L = 1, one S above the median", 52, 1, 50, 0.04, 1],
    ["L = 0.5: y = M(1 + L·S)^(1/L) = 10 · 1.05² gives z = 1", 11.025, 0.5, 10, 0.1, 1],
    ["L = −1, y = 12: ((10/12) − 1)/(−0.1) = 5/3", 12, -1, 10, 0.1, 5 / 3],
  ])("%s", (_name, y, l, m, s, z) => {
    expect(zscoreLms(y, l, m, s)).toBeCloseTo(z, 12);
  });

  it("measureAtSd inverts the z-score: M(1 + L·S·sd)^(1/L)", () => {
    expect(measureAtSd(1, 50, 0.04, 2)).toBeCloseTo(54, 12);
    expect(measureAtSd(-1, 10, 0.1, 3)).toBeCloseTo(100 / 7, 12);
    expect(zscoreLms(measureAtSd(-0.3521, 8.15, 0.0833, -2.5), -0.3521, 8.15, 0.0833)).toBeCloseTo(-2.5, 12);
  });
});

describe("restricted z-score beyond ±3", () => {
  // L = −1, M = 10, S = 0.1: SD_k = 10/(1 − 0.1k). SD3 = 100/7, SD2 = 12.5, SD−3 = 100/13, SD−2 = 100/12.
  it("keeps the plain value within ±3", () => {
    expect(zscoreRestricted(12, -1, 10, 0.1)).toBeCloseTo(5 / 3, 12);
  });
  it("above +3: 3 + (y − SD3)/(SD3 − SD2) = 3 + (12/7)/(25/14) = 3.96 (plain z would be 3.75)", () => {
    expect(zscoreLms(16, -1, 10, 0.1)).toBeCloseTo(3.75, 12);
    expect(zscoreRestricted(16, -1, 10, 0.1)).toBeCloseTo(3.96, 12);
  });
  it("below −3: −3 + (y − SD−3)/(SD−2 − SD−3) = −3 − (9/13)·(156/100) = −4.08", () => {
    expect(zscoreRestricted(7, -1, 10, 0.1)).toBeCloseTo(-4.08, 12);
  });
  it("restrictZscore with precomputed cut-offs gives the same value", () => {
    const sd3 = measureAtSd(-1, 10, 0.1, 3);
    const sd3neg = measureAtSd(-1, 10, 0.1, -3);
    const cutoffs = [
      sd3,
      sd3 - measureAtSd(-1, 10, 0.1, 2),
      sd3neg,
      measureAtSd(-1, 10, 0.1, -2) - sd3neg,
    ] as const;
    for (const y of [5, 7, 9, 12, 16, 25]) {
      expect(restrictZscore(y, zscoreLms(y, -1, 10, 0.1), ...cutoffs)).toBe(zscoreRestricted(y, -1, 10, 0.1));
    }
  });
});

describe("rounding as R's round()", () => {
  it.each([
    [0.125, 2, 0.12], // exact tie in binary: to the even digit
    [0.375, 2, 0.38],
    [-0.125, 2, -0.12],
    [2.675, 2, 2.67], // stored just below 2.675
    [1.005, 2, 1], // stored just below 1.005
    [-2.346, 2, -2.35],
    [2.5, 0, 2],
    [3.5, 0, 4],
    [123.456, 1, 123.5],
  ])("round(%s, %s) = %s", (x, digits, expected) => {
    expect(roundLikeR(x, digits)).toBe(expected);
  });

  it("keeps NaN, infinities and 0", () => {
    expect(roundLikeR(Number.NaN, 2)).toBeNaN();
    expect(roundLikeR(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(roundZ(0)).toBe(0);
  });

  it("roundZ equals roundLikeR(z, 2) on many values, including ties and near-ties", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const values: number[] = [];
    for (let i = 0; i < 20000; i++) values.push((random() - 0.5) * 20);
    for (let k = -1000; k <= 1000; k++)
      values.push((k + 0.5) / 100, (k + 0.5) / 100 + 1e-15, k / 100 - 1e-15);
    for (const z of values) {
      expect(roundZ(z)).toBe(roundLikeR(z, 2) + 0);
    }
  });

  it("does not return −0", () => {
    expect(Object.is(roundZ(-0.001), 0)).toBe(true);
  });
});
