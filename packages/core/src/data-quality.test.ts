import { describe, expect, it } from "vitest";
import {
  ageHeaping,
  type DqMeasurement,
  dataQualityReport,
  duplicateMeasurements,
  fieldCompleteness,
  flaggedShares,
  positionByAge,
  sexRatio,
  zDistribution,
} from "./data-quality.ts";
import {
  DQ_REFERENCES,
  DQ_VERDICT_TEXT,
  kurtosisVerdict,
  sdVerdict,
  skewVerdict,
  smartWhzSdClass,
} from "./data-quality-verdicts.ts";

describe("completeness", () => {
  const rows: DqMeasurement[] = [
    { sex: 1, ageDays: 100, weight: 5.5, lenhei: 60.2, measure: "l", oedema: false, hasNik: true },
    {
      sex: 2,
      birthDate: "2024-01-01",
      date: "2025-01-01",
      weight: 9,
      lenhei: 75,
      measure: "h",
      oedema: false,
      hasNik: false,
    },
    { sex: null, ageDays: null, weight: 0, lenhei: null, oedema: null },
    { sex: 1, ageDays: 800, weight: 12, lenhei: 88.4, measure: "l", oedema: false, hasNik: true },
    { sex: 2, ageDays: 1000, weight: 13.5, lenhei: 95.1, oedema: false, hasNik: true },
  ];
  it.each([
    // field, rows it applies to, missing, % missing
    ["sex", 5, 1, 20],
    ["age", 5, 1, 20], // row 2's age comes from its dates
    ["weight", 5, 1, 20], // weight 0 is missing
    ["lenhei", 5, 1, 20],
    ["oedema", 5, 1, 20],
    ["measure", 4, 1, 25], // among the 4 rows with a length/height, row 5 has no position
    ["nik", 5, 2, 40], // row 2 has none, row 3 does not say
  ])("%s: %i rows, %i missing, %d %%", (field, total, missing, pct) => {
    expect(fieldCompleteness(rows).find((c) => c.field === field)).toEqual({
      field,
      total,
      missing,
      percentMissing: pct,
    });
  });

  it("counts an age before birth as missing, and has no percentage for no rows", () => {
    const r = fieldCompleteness([{ birthDate: "2025-02-01", date: "2025-01-01" }]);
    expect(r.find((c) => c.field === "age")?.missing).toBe(1);
    expect(fieldCompleteness([]).every((c) => c.percentMissing === null)).toBe(true);
  });
});

describe("flagged z-scores", () => {
  const rows: DqMeasurement[] = [
    { zlen: -1, flen: false, zwei: -1, fwei: false },
    { zlen: -2, flen: false, zwei: -0.5, fwei: false },
    { zlen: 7, flen: true, zwei: 0, fwei: false },
    { zlen: 0.5, flen: false, zwei: 0.5, fwei: false },
    { zlen: null, zwei: null },
  ];
  it.each([
    // index, with z, flagged, %, verdict
    ["HAZ", 4, 1, 25, "flagged_high"],
    ["WAZ", 4, 0, 0, "flagged_ok"],
    ["WHZ", 0, 0, null, null],
    ["BMIZ", 0, 0, null, null],
  ])("%s: %i with z, %i flagged, %s %%: %s", (index, withZ, flagged, pct, verdict) => {
    expect(flaggedShares(rows).find((f) => f.index === index)).toEqual({
      index,
      withZ,
      flagged,
      percentFlagged: pct,
      verdict,
    });
  });

  it("calls exactly 1 % acceptable and 2 % high (the limit is more than 1 %)", () => {
    const rowsWith = (flagged: number): DqMeasurement[] =>
      Array.from({ length: 100 }, (_, i) => ({ zbmi: i < flagged ? 6 : 0, fbmi: i < flagged }));
    expect(flaggedShares(rowsWith(1))[3]).toMatchObject({ percentFlagged: 1, verdict: "flagged_ok" });
    expect(flaggedShares(rowsWith(2))[3]).toMatchObject({ percentFlagged: 2, verdict: "flagged_high" });
  });
});

describe("z-score distributions over unflagged values", () => {
  it("HAZ 1, 2, 3, 10 (and a flagged −7 left out): mean 4, SD 4.082483, skewness 1.018234, kurtosis 2.2304", () => {
    // By hand: see moments.test.ts. SD 4.08 > 1.95 (wide), skewness > 0.5 (positive), kurtosis in 2–4.
    const rows: DqMeasurement[] = [1, 2, 3, 10].map((z) => ({ zlen: z, flen: false }));
    rows.push({ zlen: -7, flen: true });
    const d = zDistribution(rows, "HAZ");
    expect(d.n).toBe(4);
    expect(d.mean).toBe(4);
    expect(d.sd).toBeCloseTo(4.082483, 6);
    expect(d.skewness).toBeCloseTo(1.018234, 6);
    expect(d.kurtosis).toBeCloseTo(2.2304, 6);
    expect([d.sdVerdict, d.skewVerdict, d.kurtosisVerdict]).toEqual([
      "sd_wide",
      "skew_positive",
      "kurtosis_ok",
    ]);
  });

  it("has no moments without values", () => {
    expect(zDistribution([], "WHZ")).toMatchObject({ n: 0, mean: null, sd: null, sdVerdict: null });
  });

  it.each([
    // index, SD, verdict (Mei & Grummer-Strawn ranges, ends inside)
    ["HAZ", 1.34, "sd_narrow"],
    ["HAZ", 1.35, "sd_in_range"],
    ["HAZ", 1.95, "sd_in_range"],
    ["HAZ", 1.96, "sd_wide"],
    ["WAZ", 1.16, "sd_narrow"],
    ["WAZ", 1.46, "sd_in_range"],
    ["WHZ", 1.08, "sd_in_range"],
    ["WHZ", 1.51, "sd_wide"],
    ["BMIZ", 1.55, "sd_in_range"],
    ["BMIZ", 1.56, "sd_wide"],
  ] as const)("%s SD %d: %s", (index, sd, verdict) => {
    expect(sdVerdict(index, sd)).toBe(verdict);
  });

  it.each([
    [-0.51, "skew_negative"],
    [-0.5, "skew_ok"],
    [0.5, "skew_ok"],
    [0.51, "skew_positive"],
  ])("skewness %d: %s", (s, v) => {
    expect(skewVerdict(s)).toBe(v);
  });

  it.each([
    [1.99, "kurtosis_light"],
    [2, "kurtosis_ok"],
    [3, "kurtosis_ok"],
    [4, "kurtosis_ok"],
    [4.01, "kurtosis_heavy"],
  ])("kurtosis %d: %s", (k, v) => {
    expect(kurtosisVerdict(k)).toBe(v);
  });

  it.each([
    [1.0, "excellent"],
    [0.9, "excellent"],
    [0.88, "good"],
    [1.15, "good"],
    [1.19, "acceptable"],
    [0.79, "problematic"],
    [1.21, "problematic"],
  ])("SMART class of a WHZ SD of %d: %s", (sd, cls) => {
    expect(smartWhzSdClass(sd)).toBe(cls);
  });

  it("gives every verdict a text in both languages, and keeps the reference ranges as data", () => {
    for (const text of Object.values(DQ_VERDICT_TEXT)) {
      expect(text.id).not.toBe("");
      expect(text.en).not.toBe("");
    }
    expect(DQ_REFERENCES.sdRange.HAZ).toEqual([1.35, 1.95]);
    expect(DQ_REFERENCES.kurtosisRange).toEqual([2, 4]);
  });
});

describe("age heaping", () => {
  const rows: DqMeasurement[] = [
    { sex: 1, ageDays: 0, birthDate: "2023-01-15" },
    { sex: 2, ageDays: 30, birthDate: "2023-01-20" }, // 0.99 months: month 0
    { sex: 1, ageDays: 31 }, // 1.02: month 1
    { sex: 1, ageDays: 365 }, // 11.99: month 11
    { sex: 2, ageDays: 366, birthDate: "2022-12-01" }, // 12.02: month 12
    { ageDays: 1826 }, // 59.99: month 59, sex unknown
    { sex: 2, ageDays: 1827 }, // 60.02: left out
  ];
  it("counts completed WHO months 0–59 and calendar months of birth, by sex", () => {
    const h = ageHeaping(rows);
    const at = (a: number[]) =>
      Object.fromEntries(a.flatMap((c, i) => (c > 0 ? [[i, c]] : [])) as [number, number][]);
    expect(at(h.byMonthOfAge.all)).toEqual({ 0: 2, 1: 1, 11: 1, 12: 1, 59: 1 });
    expect(at(h.byMonthOfAge.male)).toEqual({ 0: 1, 1: 1, 11: 1 });
    expect(at(h.byMonthOfAge.female)).toEqual({ 0: 1, 12: 1 });
    expect(at(h.byMonthOfBirth.all)).toEqual({ 0: 2, 11: 1 }); // January twice, December once
    expect(h.byMonthOfAge.all).toHaveLength(60);
    expect(h.byMonthOfBirth.all).toHaveLength(12);
  });
});

describe("sex ratio", () => {
  it("3 boys, 2 girls and one unknown: 1.5 boys per girl, 60 % boys", () => {
    const rows: DqMeasurement[] = [{ sex: 1 }, { sex: 1 }, { sex: 1 }, { sex: 2 }, { sex: 2 }, {}];
    expect(sexRatio(rows)).toEqual({ boys: 3, girls: 2, boysPerGirl: 1.5, percentBoys: 60 });
    expect(sexRatio([{ sex: 1 }])).toEqual({ boys: 1, girls: 0, boysPerGirl: null, percentBoys: 100 });
  });
});

describe("measuring position against age", () => {
  const row = (ageDays: number, measure: "l" | "h" | null): DqMeasurement => ({
    ageDays,
    lenhei: 70,
    measure,
  });
  const rows = [
    row(200, "l"), // 6 months, lying: fine
    row(250, "h"), // 8 months standing: mismatch (and under 9 months)
    row(300, "h"), // 9 months standing: mismatch
    row(730, "h"), // 23.98 months, day 730 < 731: mismatch
    row(400, "l"), // 13 months lying: fine
    row(731, "l"), // 24 months lying: mismatch
    row(731, "h"), // fine
    row(1500, "h"), // 49 months standing: fine
    row(1500, null), // no position: left out
  ];
  it.each([
    // band, n, lying, standing, mismatch, %
    ["0-8", 2, 1, 1, 1, 50],
    ["0-11", 3, 1, 2, 2, (100 * 2) / 3],
    ["12-23", 2, 1, 1, 1, 50],
    ["24-35", 2, 1, 1, 1, 50],
    ["36-47", 0, 0, 0, 0, null],
    ["48-59", 1, 0, 1, 0, 0],
  ])("%s months: n %i, lying %i, standing %i, mismatch %i", (band, n, lying, standing, mismatch, pct) => {
    expect(positionByAge(rows).find((b) => b.band === band)).toEqual({
      band,
      n,
      lying,
      standing,
      mismatch,
      percentMismatch: pct,
    });
  });
});

describe("duplicates", () => {
  it("counts (child, date) pairs seen more than once and the extra rows", () => {
    const rows: DqMeasurement[] = [
      { childId: "c1", date: "2025-01-01" },
      { childId: "c1", date: "2025-01-01" },
      { childId: "c1", date: "2025-01-01" },
      { childId: "c1", date: "2025-02-01" },
      { childId: "c2", date: "2025-01-01" },
      { childId: "c2", date: "2025-01-01" },
      { childId: null, date: "2025-01-01" },
      { childId: null, date: "2025-01-01" },
    ];
    expect(duplicateMeasurements(rows)).toEqual({ pairs: 2, extraRows: 3 });
  });
});

describe("the report", () => {
  it("assembles every check over the same rows", () => {
    const rows: DqMeasurement[] = [
      {
        childId: "a",
        date: "2025-01-05",
        sex: 1,
        ageDays: 400,
        weight: 9.5,
        lenhei: 75.0,
        measure: "l",
        zwfl: 1,
      },
      {
        childId: "b",
        date: "2025-01-05",
        sex: 2,
        ageDays: 500,
        weight: 10.0,
        lenhei: 78.5,
        measure: "l",
        zwfl: -1,
      },
    ];
    const r = dataQualityReport(rows);
    expect(r.rows).toBe(2);
    expect(r.distributions.map((d) => d.index)).toEqual(["HAZ", "WAZ", "WHZ", "BMIZ"]);
    // WHZ 1 and −1: SD √2 = 1.41 (outside SMART's 0.8–1.2)
    expect(r.distributions[2].sd).toBeCloseTo(Math.SQRT2, 12);
    expect(r.smartWhzSd).toBe("problematic");
    expect(r.weightDigits.counts[5]).toBe(1);
    expect(r.weightDigits.counts[0]).toBe(1);
    expect(r.lenheiDigits.counts[0]).toBe(1);
    expect(r.lenheiDigits.counts[5]).toBe(1);
    expect(r.sexRatio.boysPerGirl).toBe(1);
    expect(r.duplicates).toEqual({ pairs: 0, extraRows: 0 });
  });
});
