import { describe, expect, it } from "vitest";
import { kurtosis, mean, sampleSd, skewness } from "./moments.ts";

/*
 * By hand for [1, 2, 3, 10]: mean 4, deviations −3, −2, −1, 6;
 * Σd² = 9 + 4 + 1 + 36 = 50, Σd³ = −27 − 8 − 1 + 216 = 180, Σd⁴ = 81 + 16 + 1 + 1296 = 1394.
 * SD = √(50 / 3) = 4.082483; skewness = (180 / 4) / (50 / 4)^1.5 = 45 / 44.194174 = 1.018234;
 * kurtosis = 4 · 1394 / 50² = 5576 / 2500 = 2.2304.
 * For [1, 2, 3, 4, 5]: mean 3, Σd² = 10, Σd³ = 0, Σd⁴ = 34: SD √2.5 = 1.581139, skewness 0,
 * kurtosis 5 · 34 / 100 = 1.7.
 */
describe("moments", () => {
  it.each([
    // values, mean, SD, skewness, kurtosis
    [[1, 2, 3, 10], 4, 4.082483, 1.018234, 2.2304],
    [[1, 2, 3, 4, 5], 3, 1.581139, 0, 1.7],
    [[10, 3, 2, 1], 4, 4.082483, 1.018234, 2.2304], // order does not matter
    [[-10, -3, -2, -1], -4, 4.082483, -1.018234, 2.2304], // mirrored: skewness changes sign
  ])("%j: mean %d, SD %d, skewness %d, kurtosis %d", (values, m, sd, skew, kurt) => {
    expect(mean(values)).toBeCloseTo(m, 6);
    expect(sampleSd(values)).toBeCloseTo(sd, 6);
    expect(skewness(values)).toBeCloseTo(skew, 6);
    expect(kurtosis(values)).toBeCloseTo(kurt, 6);
  });

  it("gives null where a moment is undefined", () => {
    expect([mean([]), sampleSd([]), skewness([]), kurtosis([])]).toEqual([null, null, null, null]);
    expect(sampleSd([1])).toBeNull();
    expect([skewness([2, 2, 2]), kurtosis([2, 2, 2]), sampleSd([2, 2, 2])]).toEqual([null, null, 0]);
  });
});
