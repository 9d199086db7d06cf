import { describe, expect, it } from "vitest";
import {
  DEFAULT_LOKUS_RULE,
  type LokusRule,
  type LokusVillage,
  meanCoverageGap,
  rankDesaLokus,
} from "./lokus.ts";

const v = (
  code: string,
  stuntingRate: number | null,
  stuntedCount: number | null,
  coverageGap: number | null,
  atRiskFamilies: number | null,
  dataCompleteness: number | null,
): LokusVillage => ({ code, stuntingRate, stuntedCount, coverageGap, atRiskFamilies, dataCompleteness });

const close = (xs: number[]) => xs.map((x) => expect.closeTo(x, 9));

// code, rate %, stunted, coverage gap (pp), at-risk families, data completeness %
const DISTRICT = [
  v("35.03.01.2001", 30, 12, 20, 40, 90),
  v("35.03.01.2002", 20, 20, 10, 60, 70),
  v("35.03.01.2003", 10, 4, 30, 20, 100),
  v("35.03.01.2004", 25, null, null, 50, 50),
];

describe("desa lokus ranking", () => {
  it("scores with the default weights, min–max within the district, missing values rescaled", () => {
    const r = rankDesaLokus(DISTRICT);
    // normalised by hand (min–max; completeness reversed: (100 − x) ÷ 50):
    //          rate  count gap  krs   completeness
    // 2001     1     0.5   0.5  0.5   0.2   → 30 + 15 + 10 + 5 + 2         = 62
    // 2002     0.5   1     0    1     0.6   → 15 + 30 + 0 + 10 + 6         = 61
    // 2003     0     0     1    0     0     → 20                           = 20
    // 2004     0.75  –     –    0.75  1     → weights 0.3, 0.1, 0.1 of 0.5: 45 + 15 + 20 = 80
    expect(r.villages.map((x) => [x.code, x.position])).toEqual([
      ["35.03.01.2004", 1],
      ["35.03.01.2001", 2],
      ["35.03.01.2002", 3],
      ["35.03.01.2003", 4],
    ]);
    expect(r.villages.map((x) => x.score)).toEqual(close([80, 62, 61, 20]));
    const v2001 = r.villages[1];
    expect(v2001.contributions.map((c) => [c.criterion, c.normalised, c.weightShare])).toEqual([
      ["stuntingRate", 1, 0.3],
      ["stuntedCount", 0.5, 0.3],
      ["coverageGap", 0.5, 0.2],
      ["atRiskFamilies", 0.5, 0.1],
      ["dataCompleteness", expect.closeTo(0.2, 9), 0.1],
    ]);
    expect(v2001.contributions.map((c) => c.points)).toEqual(close([30, 15, 10, 5, 2]));
    const v2004 = r.villages[0];
    expect(v2004.missing).toEqual(["stuntedCount", "coverageGap"]);
    expect(v2004.contributions.map((c) => c.weightShare)).toEqual(close([0.6, 0, 0, 0.2, 0.2]));
    expect(r.ties).toEqual([]);
  });

  it("gives a missing criterion 0 points when told to", () => {
    const r = rankDesaLokus(DISTRICT, { ...DEFAULT_LOKUS_RULE, missing: "zero" });
    // 2004: 0.3 × 0.75 + 0.1 × 0.75 + 0.1 × 1 = 0.4 → 40; the others as before
    expect(r.villages.map((x) => x.code)).toEqual([
      "35.03.01.2001",
      "35.03.01.2002",
      "35.03.01.2004",
      "35.03.01.2003",
    ]);
    expect(r.villages[2].score).toBeCloseTo(40, 9);
  });

  const burdenOnly: LokusRule = {
    ...DEFAULT_LOKUS_RULE,
    criteria: [
      { criterion: "stuntingRate", weight: 0.5, priority: "higher" },
      { criterion: "stuntedCount", weight: 0.5, priority: "higher" },
    ],
  };

  it("breaks ties by stunted count, then rate, then code, and reports each tie and the cut-off", () => {
    const villages = [
      v("A", 30, 10, null, null, null), // 1 and 0   → 50
      v("B", 10, 30, null, null, null), // 0 and 1   → 50
      v("C", 20, 20, null, null, null), // 0.5, 0.5  → 50
      v("D", 10, 10, null, null, null), // 0 and 0   → 0
    ];
    const r = rankDesaLokus(villages, { ...burdenOnly, lokusCount: 2 });
    expect(r.villages.map((x) => [x.code, x.score, x.position, x.selected])).toEqual([
      ["B", 50, 1, true],
      ["C", 50, 2, true],
      ["A", 50, 3, false],
      ["D", 0, 4, false],
    ]);
    expect(r.ties).toEqual([
      { codes: ["B", "C", "A"], score: 50, decidedBy: ["stuntedCount", "stuntedCount"] },
    ]);
    expect(r.cutTie).toEqual(r.ties[0]);
    expect(r.villages[0].tiedWith).toEqual(["C", "A"]);
    expect(r.villages[3].tiedWith).toEqual([]);
  });

  it("falls back to the rate, then the village code, when the count does not separate a tie", () => {
    const villages = [
      v("F", 20, 10, null, null, null),
      v("E", 20, 10, null, null, null),
      v("G", 10, 20, null, null, null),
      v("H", 30, 0, null, null, null),
    ];
    // rate: min 10, max 30 → E, F 0.5; G 0; H 1. count: min 0, max 20 → E, F 0.5; G 1; H 0.
    // scores: E, F 50; G 50; H 50 — all four tie.
    const r = rankDesaLokus(villages, burdenOnly);
    expect(r.ties).toEqual([
      { codes: ["G", "E", "F", "H"], score: 50, decidedBy: ["stuntedCount", "code", "stuntedCount"] },
    ]);
    expect(r.cutTie).toBeNull();
  });

  it("normalises by mid-rank percentile when told to", () => {
    const rule: LokusRule = {
      ...DEFAULT_LOKUS_RULE,
      normalisation: "rank",
      criteria: [{ criterion: "stuntingRate", weight: 1, priority: "higher" }],
    };
    const r = rankDesaLokus(
      [
        v("P", 10, null, null, null, null),
        v("Q", 20, null, null, null, null),
        v("R", 20, null, null, null, null),
        v("S", 40, null, null, null, null),
      ],
      rule,
    );
    // below + (equal − 1) ÷ 2, over 3: P 0; Q, R (1 + 0.5) ÷ 3 = 0.5; S 3 ÷ 3 = 1
    expect(r.villages.map((x) => [x.code, x.score])).toEqual([
      ["S", 100],
      ["Q", 50],
      ["R", 50],
      ["P", 0],
    ]);
    expect(r.ties[0].decidedBy).toEqual(["code"]);
  });

  it("gives 0 when a criterion cannot separate the villages, and 0 points to a village with nothing known", () => {
    const r = rankDesaLokus([
      v("X", 15, 5, null, null, null),
      v("Y", 15, 5, null, null, null),
      v("Z", null, null, null, null, null),
    ]);
    expect(r.villages.map((x) => [x.code, x.score, x.missing.length])).toEqual([
      ["X", 0, 3],
      ["Y", 0, 3],
      ["Z", 0, 5],
    ]);
    expect(r.ties[0].decidedBy).toEqual(["code", "stuntedCount"]);
  });

  it("refuses a rule without a positive weight", () => {
    expect(() => rankDesaLokus(DISTRICT, { ...DEFAULT_LOKUS_RULE, criteria: [] })).toThrow(
      /at least one above 0/,
    );
  });

  it.each([
    [[10, 20, null], 15],
    [[null, null], null],
    [[], null],
  ])("mean coverage gap of %j is %s", (gaps, mean) => {
    expect(meanCoverageGap(gaps)).toBe(mean);
  });
});
