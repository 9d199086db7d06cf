import { describe, expect, it } from "vitest";
import type { DqMeasurement } from "./data-quality.ts";
import { latestValidPerChild, populationQualityReport, qualitySummary } from "./data-quality-population.ts";

// Five measurements of three children in March 2025; expectations worked by hand.
const rows: DqMeasurement[] = [
  { childId: "a", sex: 1, date: "2025-03-01", zlen: -1, zwfl: 1, hasNik: true, weight: 10.0 },
  { childId: "a", sex: 1, date: "2025-03-20", zlen: 2, hasNik: true, weight: 10.2 },
  { childId: "b", sex: 2, date: "2025-03-25", zlen: -7, flen: true, hasNik: false, weight: 9.5 },
  { childId: "b", sex: 2, date: "2025-03-05", zlen: 0, hasNik: false, weight: 9.4 },
  { childId: "c", sex: 1, date: "2025-03-10", zlen: -2, zwfl: -1, hasNik: true, weight: 11.0 },
];

describe("data quality over each child's latest valid z-score", () => {
  it("keeps per child the latest unflagged z-score of each index", () => {
    // a: −1 then 2 → 2; b: the later −7 is flagged → 0; c: −2. WHZ: a 1 (its later row has none), c −1.
    expect(latestValidPerChild(rows).map((r) => [r.childId, r.sex, r.zlen, r.zwfl])).toEqual([
      ["a", 1, 2, 1],
      ["b", 2, 0, undefined],
      ["c", 1, -2, -1],
    ]);
  });

  it("HAZ 2, 0, −2: SD 2, skewness 0, kurtosis 1.5; WHZ 1, −1: SD √2; 1 of 5 HAZ flagged", () => {
    const r = populationQualityReport(rows);
    const haz = r.distributions[0];
    expect([haz.n, haz.mean, haz.sd, haz.skewness, haz.kurtosis]).toEqual([3, 0, 2, 0, 1.5]);
    expect(r.distributions[2].sd).toBeCloseTo(Math.SQRT2, 12);
    expect(r.sexRatio).toMatchObject({ boys: 2, girls: 1, boysPerGirl: 2 });
    expect(qualitySummary(r)).toEqual({
      measurements: 5,
      children: 3,
      haz_n: 3,
      haz_sd: 2,
      waz_n: 0,
      waz_sd: null,
      whz_n: 2,
      whz_sd: r.distributions[2].sd,
      haz_flagged_pct: 20,
      waz_flagged_pct: null,
      whz_flagged_pct: 0,
      // digits .0 .2 .5 .4 .0 of 5 weights: χ² = (2−0.5)²/0.5 + 3·(1−0.5)²/0.5 + 6·0.5 = 9.0; DPS = 100·√(9/45) = 44.72
      weight_dps: 44.72,
      lenhei_dps: null,
      missing_nik_pct: 40,
    });
  });

  it("rounds the flagged share to one decimal (1 of 3 → 33.3)", () => {
    const three: DqMeasurement[] = [
      { childId: "x", zlen: 0 },
      { childId: "y", zlen: 1 },
      { childId: "z", zlen: 9, flen: true },
    ];
    expect(qualitySummary(populationQualityReport(three)).haz_flagged_pct).toBe(33.3);
  });
});
