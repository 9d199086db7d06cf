import { describe, expect, it } from "vitest";
import type { DqMeasurement } from "./data-quality.ts";
import { latestValidPerChild, populationQualityReport, qualitySummary } from "./data-quality-population.ts";
import {
  addChildSums,
  addQualityTally,
  birthMonthIndex,
  childSumsOf,
  emptyChildSums,
  emptyQualityTally,
  momentsOfSums,
  QUALITY_TALLY_LENGTH,
  qualityReportOfTally,
  tallyMeasurement,
} from "./data-quality-tally.ts";

// The rows of data-quality-population.test.ts: five measurements of three children in March 2025.
const rows: DqMeasurement[] = [
  { childId: "a", sex: 1, date: "2025-03-01", zlen: -1, zwfl: 1, hasNik: true, weight: 10.0 },
  { childId: "a", sex: 1, date: "2025-03-20", zlen: 2, hasNik: true, weight: 10.2 },
  { childId: "b", sex: 2, date: "2025-03-25", zlen: -7, flen: true, hasNik: false, weight: 9.5 },
  { childId: "b", sex: 2, date: "2025-03-05", zlen: 0, hasNik: false, weight: 9.4 },
  { childId: "c", sex: 1, date: "2025-03-10", zlen: -2, zwfl: -1, hasNik: true, weight: 11.0 },
];

function tallyOf(ms: readonly DqMeasurement[]) {
  const t = emptyQualityTally();
  for (const m of ms) tallyMeasurement(t, m);
  return t;
}

describe("moments from power sums", () => {
  it.each([
    // z = 2, 0, −2: Σz 0, Σz² 8, Σz³ 0, Σz⁴ 32. Mean 0, SD √(8/2) = 2, skewness 0, kurtosis 3·32/8² = 1.5.
    [
      { n: 3, s1: 0, s2: 8, s3: 0, s4: 32 },
      { mean: 0, sd: 2, skewness: 0, kurtosis: 1.5 },
    ],
    // z = 1, 2, 3, 6: Σz 12, Σz² 50, Σz³ 252, Σz⁴ 1394. Mean 3; deviations −2, −1, 0, 3:
    // Σd² 14, Σd³ −8 − 1 + 27 = 18, Σd⁴ 16 + 1 + 81 = 98. SD √(14/3) = 2.1602,
    // skewness (18/4) / (14/4)^1.5 = 4.5 / 6.5479 = 0.68724, kurtosis 4·98/14² = 2.
    [
      { n: 4, s1: 12, s2: 50, s3: 252, s4: 1394 },
      { mean: 3, sd: Math.sqrt(14 / 3), skewness: 4.5 / 3.5 ** 1.5, kurtosis: 2 },
    ],
    // One value: a mean, no SD, no skewness or kurtosis (no spread).
    [
      { n: 1, s1: -1.5, s2: 2.25, s3: -3.375, s4: 5.0625 },
      { mean: -1.5, sd: null, skewness: null, kurtosis: null },
    ],
    // Two equal values 1.1: SD 0, no skewness or kurtosis (Σz² − n·x̄² is rounding only).
    [
      { n: 2, s1: 2.2, s2: 2 * 1.1 ** 2, s3: 2 * 1.1 ** 3, s4: 2 * 1.1 ** 4 },
      { mean: 1.1, sd: 0, skewness: null, kurtosis: null },
    ],
    [
      { n: 0, s1: 0, s2: 0, s3: 0, s4: 0 },
      { mean: null, sd: null, skewness: null, kurtosis: null },
    ],
  ])("%o → %o", (sums, expected) => {
    const m = momentsOfSums(sums);
    for (const k of ["mean", "sd", "skewness", "kurtosis"] as const) {
      if (expected[k] === null) expect(m[k]).toBeNull();
      else expect(m[k]).toBeCloseTo(expected[k] as number, 12);
    }
  });
});

describe("the report from a tally and child sums", () => {
  it("tallies the worked rows: 5 rows, 2 without NIK, 1 of 5 HAZ flagged, weight digits .0 .2 .5 .4 .0", () => {
    const t = tallyOf(rows);
    const r = qualityReportOfTally(t, childSumsOf(latestValidPerChild(rows)));
    expect(r.rows).toBe(5);
    expect(r.completeness.find((c) => c.field === "nik")).toMatchObject({ missing: 2, percentMissing: 40 });
    expect(r.flagged[0]).toMatchObject({ index: "HAZ", withZ: 5, flagged: 1, percentFlagged: 20 });
    expect(r.weightDigits.counts).toEqual([2, 0, 1, 0, 1, 1, 0, 0, 0, 0]);
    expect(r.distributions[0]).toMatchObject({ n: 3, mean: 0, sd: 2, skewness: 0, kurtosis: 1.5 });
    expect(r.sexRatio).toMatchObject({ boys: 2, girls: 1, boysPerGirl: 2 });
    expect(qualitySummary(r)).toEqual(qualitySummary(populationQualityReport(rows)));
  });

  it("counts age, birth month and position by month of age", () => {
    // 400 days = 13 months (400 / 30.4375 = 13.1), lying: expected; 800 days = 26 months, lying: a
    // mismatch (from 731 days children stand); 100 days = 3 months standing: a mismatch.
    const t = tallyOf([
      {
        sex: 1,
        ageDays: 400,
        birthDate: "2024-02-10",
        lenhei: 75.3,
        measure: "l",
        weight: 9.1,
        oedema: false,
      },
      {
        sex: 2,
        ageDays: 800,
        birthDate: "2023-01-05",
        lenhei: 85.0,
        measure: "l",
        weight: 11.6,
        oedema: false,
      },
      { sex: 2, ageDays: 100, birthDate: "2024-11-01", lenhei: 60.2, measure: "h" },
    ]);
    const r = qualityReportOfTally(t, emptyChildSums());
    expect(r.ageHeaping.byMonthOfAge.all[13]).toBe(1);
    expect(r.ageHeaping.byMonthOfAge.female[26]).toBe(1);
    expect(r.ageHeaping.byMonthOfBirth.all.filter((x) => x > 0)).toEqual([1, 1, 1]);
    expect(r.ageHeaping.byMonthOfBirth.male[1]).toBe(1);
    expect(r.positionByAge.find((b) => b.band === "0-8")).toMatchObject({ n: 1, standing: 1, mismatch: 1 });
    expect(r.positionByAge.find((b) => b.band === "12-23")).toMatchObject({ n: 1, lying: 1, mismatch: 0 });
    expect(r.positionByAge.find((b) => b.band === "24-35")).toMatchObject({ n: 1, lying: 1, mismatch: 1 });
    expect(r.completeness.find((c) => c.field === "oedema")).toMatchObject({ total: 3, missing: 1 });
    expect(r.completeness.find((c) => c.field === "weight")).toMatchObject({ missing: 1 });
  });

  it("equals the live report on random rows, and a sum of parts equals the whole", () => {
    let s = 7;
    const rand = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const ms: DqMeasurement[] = [];
    for (let i = 0; i < 600; i++) {
      const child = `c${Math.floor(rand() * 150)}`;
      ms.push({
        childId: child,
        sex: pick([1, 2, 2, null] as const),
        birthDate: pick(["2021-03-04", "2023-12-31", null]),
        date: `2025-03-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`,
        ageDays: pick([Math.floor(rand() * 1900), null, -3]),
        weight: pick([Math.round(rand() * 200) / 10, null, 0]),
        lenhei: pick([Math.round(400 + rand() * 800) / 10, null]),
        measure: pick(["l", "h", null] as const),
        oedema: pick([false, true, null]),
        hasNik: pick([true, false]),
        zlen: pick([rand() * 8 - 5, null]),
        flen: rand() < 0.1,
        zwei: pick([rand() * 6 - 3, null]),
        zwfl: pick([rand() * 6 - 3, null]),
        fwfl: rand() < 0.05,
        zbmi: rand() * 4 - 2,
      });
    }
    // Children have one sex (the database's rows do).
    const sexOf = new Map<string, DqMeasurement["sex"]>();
    for (const m of ms) {
      if (!sexOf.has(m.childId as string)) sexOf.set(m.childId as string, m.sex);
      m.sex = sexOf.get(m.childId as string);
    }
    const live = populationQualityReport(ms);
    const stored = qualityReportOfTally(tallyOf(ms), childSumsOf(latestValidPerChild(ms)));
    const { distributions: ld, ...lrest } = live;
    const { distributions: sd, ...srest } = stored;
    expect(srest).toEqual({ ...lrest, duplicates: { pairs: 0, extraRows: 0 } });
    ld.forEach((d, i) => {
      expect(sd[i].n).toBe(d.n);
      for (const k of ["mean", "sd", "skewness", "kurtosis"] as const)
        expect(sd[i][k] as number).toBeCloseTo(d[k] as number, 9);
    });
    // Two halves (by child, so each child's rows stay together) add up to the whole.
    const half = (odd: boolean) =>
      ms.filter((m) => Number((m.childId as string).slice(1)) % 2 === (odd ? 1 : 0));
    const t = addQualityTally(tallyOf(half(false)), tallyOf(half(true)));
    expect(t).toEqual(tallyOf(ms));
    const c = addChildSums(
      childSumsOf(latestValidPerChild(half(false))),
      childSumsOf(latestValidPerChild(half(true))),
    );
    expect(c.children).toBe(live.children);
    expect(c.z.HAZ.s2).toBeCloseTo(childSumsOf(latestValidPerChild(ms)).z.HAZ.s2, 9);
    expect(t).toHaveLength(QUALITY_TALLY_LENGTH);
  });
});

describe("month of birth for the tally", () => {
  it.each([
    ["2024-01-15", 0],
    ["2024-12-31", 11],
    ["2024-12", 11],
    // Not a month: counted nowhere.
    ["2024-00-10", -1],
    ["2024-13-01", -1],
    ["2024-1-05", -1],
    ["15/01/2024", -1],
    ["", -1],
    [null, -1],
  ])("%s → %i", (birthDate, month) => {
    expect(birthMonthIndex(birthDate)).toBe(month);
  });
});
