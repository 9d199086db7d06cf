import { describe, expect, it } from "vitest";
import { anthroZScoresBatch } from "./batch.ts";
import { lmsRow, type TableName } from "./tables.ts";
import { anthroInputFromRow, numberCell, readValidationCsv } from "./testing/validation-data.ts";
import { type AnthroResult, anthroZScores } from "./zscores.ts";

const INDICATORS = ["len", "wei", "wfl", "bmi", "hc", "ac", "ts", "ss"] as const;

/**
 * Cells derived from a weight or length/height ≤ 0, which anthro still computes (cbmi, zwfl)
 * but Tumbuh treats as missing like every measurement ≤ 0.
 */
function zeroDerivedCells(row: Record<string, string>): Set<string> {
  const cells = new Set<string>();
  const notPositive = (text: string) => text !== "" && Number(text) <= 0;
  if (notPositive(row.weight))
    for (const c of ["cbmi", "zwfl", "fwfl", "zbmi", "fbmi", "zwei", "fwei"]) cells.add(c);
  if (notPositive(row.lenhei))
    for (const c of ["clenhei", "cbmi", "zlen", "flen", "zwfl", "fwfl", "zbmi", "fbmi"]) cells.add(c);
  return cells;
}

/** Compares one expected row with the result; returns a list of differences (empty when equal). */
function differences(row: Record<string, string>, result: AnthroResult): string[] {
  const diffs: string[] = [];
  const zeroCells = zeroDerivedCells(row);
  const check = (name: string, actual: number | undefined, expectedText: string, tolerance: number) => {
    const expected = zeroCells.has(name) ? undefined : numberCell(expectedText);
    const ok =
      expected === undefined
        ? actual === undefined
        : actual !== undefined &&
          (tolerance === 0 ? actual === expected : Math.abs(actual - expected) <= tolerance);
    if (!ok) diffs.push(`${row.case_id} ${name}: expected ${expected}, got ${actual}`);
  };
  check("clenhei", result.clenhei, row.clenhei, 1e-9);
  check("cbmi", result.cbmi, row.cbmi, 1e-6);
  check("c9mo_flag", result.c9moFlag ? 1 : 0, row.c9mo_flag, 0);
  for (const indicator of INDICATORS) {
    check(`z${indicator}`, result[`z${indicator}`], row[`z${indicator}`], 0);
    const flag = result[`f${indicator}`];
    check(`f${indicator}`, flag === undefined ? undefined : flag ? 1 : 0, row[`f${indicator}`], 0);
  }
  return diffs;
}

describe("anthroZScores against the WHO anthro validation set", () => {
  const rows = readValidationCsv("anthro_dev_expected.csv");

  it("reads all 2,236 rows", () => {
    expect(rows).toHaveLength(2236);
  });

  it("reproduces every z-score, flag, clenhei, cbmi and c9mo_flag", () => {
    const diffs = rows.flatMap((row) => differences(row, anthroZScores(anthroInputFromRow(row))));
    expect(diffs).toEqual([]);
  });
});

/** The measurement at z for a table row: M(1 + L·S·z)^(1/L) (so its z-score must come back as z). */
function atZ(table: TableName, sex: 1 | 2, key: number, z: number): number {
  const row = lmsRow(table, sex, key)!;
  return row.m * (1 + row.l * row.s * z) ** (1 / row.l);
}

describe("anthroZScores rules, worked cases", () => {
  it("gives z = 0 at the median and z = 1 one S above it (length, boy, day 0: M 49.8842, S 0.03795)", () => {
    expect(anthroZScores({ sex: 1, ageDays: 0, lenhei: 49.8842, measure: "l" }).zlen).toBe(0);
    expect(anthroZScores({ sex: 1, ageDays: 0, lenhei: 49.8842 * 1.03795, measure: "l" }).zlen).toBe(1);
  });

  it("rounds the age in days half up to find the table row", () => {
    // day 527.5 → 528: the median of day 528 gives 0, the median of day 527 does not.
    const m528 = lmsRow("wei", 2, 528)!.m;
    expect(anthroZScores({ sex: 2, ageDays: 527.5, weight: m528 }).zwei).toBe(0);
    expect(anthroZScores({ sex: 2, ageDays: 528.49, weight: m528 }).ageDays).toBe(528);
  });

  it("converts months at 30.4375 days, compares unrounded months with 60", () => {
    const r = anthroZScores({ sex: 1, ageMonths: 12, weight: lmsRow("wei", 1, 365)!.m });
    expect(r.ageDays).toBe(365);
    expect(r.zwei).toBe(0);
    expect(anthroZScores({ sex: 1, ageMonths: 60, weight: 18 }).zwei).toBeUndefined();
    expect(anthroZScores({ sex: 1, ageMonths: 59.99, weight: 18 }).zwei).toBeDefined();
    // 1826.25 days is exactly 60 months: no z even though the table has day 1826
    expect(anthroZScores({ sex: 1, ageDays: 1826.25, weight: 18 }).zwei).toBeUndefined();
    expect(anthroZScores({ sex: 1, ageDays: 1826.2, weight: 18 }).zwei).toBeDefined();
  });

  it("adjusts standing under 731 days by +0.7 cm and lying from 731 days by −0.7 cm", () => {
    expect(anthroZScores({ sex: 1, ageDays: 700, lenhei: 80, measure: "h" }).clenhei).toBeCloseTo(80.7, 12);
    expect(anthroZScores({ sex: 1, ageDays: 731, lenhei: 90, measure: "l" }).clenhei).toBeCloseTo(89.3, 12);
    expect(anthroZScores({ sex: 1, ageDays: 731, lenhei: 90, measure: "h" }).clenhei).toBe(90);
    expect(anthroZScores({ sex: 1, lenhei: 90, measure: "l" }).clenhei).toBe(90); // no age: no adjustment
  });

  it("flags a standing measure under 9 months and does not adjust it", () => {
    const r = anthroZScores({ sex: 2, ageDays: 240, lenhei: 65, measure: "h" });
    expect(r.c9moFlag).toBe(true);
    expect(r.clenhei).toBe(65);
    const older = anthroZScores({ sex: 2, ageDays: 280, lenhei: 65, measure: "h" });
    expect(older.c9moFlag).toBe(false);
    expect(older.clenhei).toBeCloseTo(65.7, 12);
  });

  it("uses the restricted z beyond +3 for weight and the plain z for length", () => {
    const row = lmsRow("wei", 1, 400)!;
    const sd3 = atZ("wei", 1, 400, 3);
    const sd23 = sd3 - atZ("wei", 1, 400, 2);
    const y = sd3 + 1.5 * sd23; // restricted z = 4.5 exactly by construction
    expect(anthroZScores({ sex: 1, ageDays: 400, weight: y }).zwei).toBe(4.5);
    expect(((y / row.m) ** row.l - 1) / (row.s * row.l)).not.toBeCloseTo(4.5, 2); // the plain z differs
    const len = atZ("len", 1, 400, 4.5);
    expect(anthroZScores({ sex: 1, ageDays: 400, lenhei: len, measure: "l" }).zlen).toBe(4.5);
  });

  it("flags on the rounded z: weight-for-age above 5 / below −6, length outside ±6, the others outside ±5", () => {
    expect(anthroZScores({ sex: 1, ageDays: 400, weight: atZ("wei", 1, 400, 2) }).fwei).toBe(false);
    const heavy = anthroZScores({ sex: 1, ageDays: 400, weight: 30 });
    expect(heavy.zwei).toBeGreaterThan(5);
    expect(heavy.fwei).toBe(true);
    expect(anthroZScores({ sex: 1, ageDays: 400, lenhei: atZ("len", 1, 400, 5.5), measure: "l" }).flen).toBe(
      false,
    );
    expect(anthroZScores({ sex: 1, ageDays: 400, lenhei: atZ("len", 1, 400, 6.2), measure: "l" }).flen).toBe(
      true,
    );
    expect(anthroZScores({ sex: 1, ageDays: 400, headc: atZ("hc", 1, 400, 5.2) }).fhc).toBe(true);
  });

  it("computes arm circumference and skinfolds from 91 days only", () => {
    expect(anthroZScores({ sex: 1, ageDays: 90, armc: 12, triskin: 8, subskin: 7 }).zac).toBeUndefined();
    const r = anthroZScores({ sex: 1, ageDays: 91, armc: lmsRow("ac", 1, 91)!.m, triskin: 8, subskin: 7 });
    expect(r.zac).toBe(0);
    expect(r.zts).toBeDefined();
    expect(r.zss).toBeDefined();
  });

  it("leaves weight-based z-scores missing with oedema", () => {
    const r = anthroZScores({ sex: 1, ageDays: 400, weight: 9, lenhei: 75, measure: "l", oedema: true });
    expect([r.zwei, r.zwfl, r.zbmi, r.fwei]).toEqual([undefined, undefined, undefined, undefined]);
    expect(r.zlen).toBeDefined();
    expect(r.cbmi).toBeCloseTo(9 / 0.75 ** 2, 12);
  });

  it("uses weight-for-length under 731 days and weight-for-height from 731 days", () => {
    expect(
      anthroZScores({ sex: 2, ageDays: 730, weight: lmsRow("wfl", 2, 800)!.m, lenhei: 80, measure: "l" })
        .zwfl,
    ).toBe(0);
    expect(
      anthroZScores({ sex: 2, ageDays: 731, weight: lmsRow("wfh", 2, 800)!.m, lenhei: 80, measure: "h" })
        .zwfl,
    ).toBe(0);
  });

  it("chooses the table without age by position, else by the 87 cm rule", () => {
    const wflM = (key: number) => lmsRow("wfl", 1, key)!.m;
    const wfhM = (key: number) => lmsRow("wfh", 1, key)!.m;
    expect(anthroZScores({ sex: 1, weight: wflM(900), lenhei: 90, measure: "l" }).zwfl).toBe(0);
    expect(anthroZScores({ sex: 1, weight: wfhM(700), lenhei: 70, measure: "h" }).zwfl).toBe(0);
    expect(anthroZScores({ sex: 1, weight: wflM(869), lenhei: 86.9 }).zwfl).toBe(0);
    expect(anthroZScores({ sex: 1, weight: wfhM(870), lenhei: 87 }).zwfl).toBe(0);
  });

  it("keeps weight-for-length within 45–110 cm and weight-for-height within 65–120 cm", () => {
    const z = (lenhei: number, ageDays: number) => anthroZScores({ sex: 1, ageDays, weight: 8, lenhei }).zwfl;
    expect(z(45, 100)).toBeDefined();
    expect(z(44.9, 100)).toBeUndefined();
    expect(z(110, 700)).toBeDefined();
    expect(z(110.1, 700)).toBeUndefined();
    expect(z(65, 800)).toBeDefined();
    expect(z(64.9, 800)).toBeUndefined();
    expect(z(120.1, 800)).toBeUndefined();
  });

  it("interpolates L, M and S between 0.1 cm rows", () => {
    const low = lmsRow("wfl", 1, 600)!;
    const high = lmsRow("wfl", 1, 601)!;
    const m = (low.m + high.m) / 2;
    // at 60.05 cm, the interpolated median gives z = 0; the lower row's median does not
    expect(anthroZScores({ sex: 1, ageDays: 100, weight: m, lenhei: 60.05, measure: "l" }).zwfl).toBe(0);
    expect(
      anthroZScores({ sex: 1, ageDays: 100, weight: low.m, lenhei: 60.05, measure: "l" }).zwfl,
    ).toBeLessThan(0);
  });

  it("treats measurements ≤ 0 as missing", () => {
    const r = anthroZScores({ sex: 1, ageDays: 400, weight: 0, lenhei: -75, headc: 0, measure: "l" });
    expect(r).toEqual({ ageDays: 400, c9moFlag: false });
  });

  it("gives no age-based z without age, but keeps weight-for-length/height", () => {
    const r = anthroZScores({ sex: 1, weight: 9, lenhei: 75, measure: "l" });
    expect(r.ageDays).toBeUndefined();
    expect(r.zlen).toBeUndefined();
    expect(r.zwei).toBeUndefined();
    expect(r.zwfl).toBeDefined();
  });
});

describe("weight-for-height rows found exactly as anthro (trunc(x·10)/10 and trunc(x·10 + 1)/10)", () => {
  // A boy of 800 days measured lying at 103.1 cm weighing 16.0 kg. From 731 days a lying
  // length is adjusted −0.7 cm: 103.1 − 0.7 = 102.39999999999999 as a double, and times 10 that
  // is 1023.9999999999999, the largest double below 1024. anthro's lower row is
  // trunc(1023.9999999999999) / 10 = 102.3; its upper row is trunc(1023.9999999999999 + 1) / 10,
  // and the sum rounds up to 1025 (a double's spacing doubles at 1024), so 102.5. The fraction
  // (102.39999999999999 − 102.3) / 0.1 = 0.99999999999994, so L, M and S are those of 102.5 cm
  // (wfh, boys: L −0.3521, M 16.0801, S 0.08354):
  //   z = ((16.0 / 16.0801)^−0.3521 − 1) / (0.08354 · −0.3521)
  //     = (exp(−0.3521 · ln 0.995019) − 1) / −0.029414 = 0.0017598 / −0.029414 = −0.0598 → −0.06.
  // The row of 102.4 cm (M 16.0503, S 0.08349), which a plain "next row" would reach, gives
  //   (exp(−0.3521 · ln 0.996866) − 1) / −0.029397 = 0.0011058 / −0.029397 = −0.0376 → −0.04.
  const input = { sex: 1, ageDays: 800, weight: 16.0, lenhei: 103.1, measure: "l" } as const;

  it("interpolates between 102.3 and 102.5 cm for a lying 103.1 cm at 800 days (z −0.06, not −0.04)", () => {
    const r = anthroZScores(input);
    expect(r.clenhei).toBe(102.39999999999999);
    expect(r.zwfl).toBe(-0.06);
  });

  it("gives the same in the batch API", () => {
    const out = anthroZScoresBatch({
      sex: Uint8Array.of(1),
      ageDays: Float64Array.of(800),
      weight: Float64Array.of(16.0),
      lenhei: Float64Array.of(103.1),
      measure: Uint8Array.of(1),
    });
    expect(out.zwfl[0]).toBe(-0.06);
  });

  it("agrees with the LMS formula on the 102.5 cm row (independent of the kernel)", () => {
    const { l, m, s } = lmsRow("wfh", 1, 1025)!;
    expect(l).toBe(-0.3521);
    expect(m).toBe(16.0801);
    expect(s).toBe(0.08354);
    expect(Math.round((((16.0 / m) ** l - 1) / (s * l)) * 100) / 100).toBe(-0.06);
  });
});
