import { describe, expect, it } from "vitest";
import {
  DEFAULT_KBM,
  KBM_A,
  KBM_B,
  KBM_C,
  KBM_TABLES,
  kbmForDistrict,
  kbmGrams,
  kbmGramsOverInterval,
  kbmTableById,
  naikVerdict,
  weightGrams,
} from "./kbm.ts";

describe("KBM tables (workflows.md §3.3)", () => {
  // Age in completed months → grams, read off the table in workflows.md §3.3, one column per variant.
  it.each([
    [0, 800, 800, 800],
    [1, 800, 800, 800],
    [2, 900, 900, 900],
    [3, 800, 600, 800],
    [4, 600, 600, 600],
    [5, 500, 500, 500],
    [6, 400, 400, 400],
    [7, 400, 300, 300],
    [8, 300, 300, 300],
    [10, 300, 300, 300],
    [11, 200, 200, 300],
    [12, 200, 200, 300],
    [17, 200, 200, 300],
    [18, 200, 200, 200],
    [59, 200, 200, 200],
    [60, 200, 200, 200],
  ])("at %i months: A %i g, B %i g, C %i g", (age, a, b, c) => {
    expect([kbmGrams(KBM_A, age), kbmGrams(KBM_B, age), kbmGrams(KBM_C, age)]).toEqual([a, b, c]);
  });

  it.each([61, -1, 2.5, Number.NaN])("has no KBM at %s months", (age) => {
    expect(kbmGrams(KBM_A, age)).toBeUndefined();
  });

  it("ships three versioned tables, A first and default, each with id, label and source", () => {
    expect(KBM_TABLES.map((t) => t.id)).toEqual([
      "kbm-a-buku-kia-2023",
      "kbm-b-posyandu-spreadsheet",
      "kbm-c-aus-cdep",
    ]);
    expect(DEFAULT_KBM).toBe(KBM_A);
    for (const t of KBM_TABLES) {
      expect(t.label).not.toBe("");
      expect(t.source).not.toBe("");
      // every month 1–60 in exactly one band
      for (let m = 1; m <= 60; m++)
        expect(t.bands.filter((b) => m >= b.fromMonth && m <= b.toMonth)).toHaveLength(1);
    }
  });
});

describe("KBM over an interval: the sum of the monthly KBM of each month of age in it", () => {
  it.each([
    // age at current weighing, months elapsed, grams (variant A), how
    [4, 1, 600, "one month: the 4-month value"],
    [4, 2, 1400, "months 3 and 4: 800 + 600"],
    [3, 3, 2500, "months 1, 2 and 3: 800 + 900 + 800"],
    [1, 2, 1600, "months 0 and 1: 800 + 800 (under 1 month counts as 1)"],
    [8, 3, 1100, "months 6, 7, 8: 400 + 400 + 300"],
    [28, 16, 3200, "16 months at 200 g from 13 to 28 months: 16 × 200"],
    [12, 2, 400, "months 11 and 12: 200 + 200"],
  ])("at %i months after %i month(s): %i g (%s)", (age, elapsed, expected) => {
    expect(kbmGramsOverInterval(KBM_A, age, elapsed)).toBe(expected);
  });

  it("is undefined for no interval, a negative age or past 60 months", () => {
    expect(kbmGramsOverInterval(KBM_A, 5, 0)).toBeUndefined();
    expect(kbmGramsOverInterval(KBM_A, -1, 1)).toBeUndefined();
    expect(kbmGramsOverInterval(KBM_A, 61, 2)).toBeUndefined();
  });
});

describe("naik / tidak naik", () => {
  const birth = "2024-01-10";
  it.each([
    // previous date, kg, current date, kg, verdict, gain g, KBM g, months elapsed, age months
    ["2024-04-12", 6.0, "2024-05-14", 6.6, "N", 600, 600, 1, 4], // 4 months: 600 g, gained 600 g
    ["2024-04-12", 6.0, "2024-05-14", 6.59, "T", 590, 600, 1, 4], // 10 g short
    ["2024-04-28", 6.0, "2024-05-03", 6.4, "T", 400, 800, 1, 3], // 3 months on 3 May: 800 g
    ["2024-03-12", 5.2, "2024-05-14", 6.6, "N", 1400, 1400, 2, 4], // gap: 800 + 600
    ["2024-03-12", 5.2, "2024-05-14", 6.5, "T", 1300, 1400, 2, 4],
    ["2025-01-15", 8.3, "2025-02-15", 8.5, "N", 200, 200, 1, 13], // 8.5 − 8.3 is 200 g exactly
    ["2025-01-15", 8.3, "2025-02-15", 8.2, "T", -100, 200, 1, 13], // a loss
  ] as const)("%s %s kg → %s %s kg: %s", (pd, pw, cd, cw, verdict, gain, kbm, elapsed, age) => {
    expect(naikVerdict(KBM_A, birth, { date: pd, weight: pw }, { date: cd, weight: cw })).toEqual({
      verdict,
      gainGrams: gain,
      kbmGrams: kbm,
      monthsElapsed: elapsed,
      ageMonths: age,
    });
  });

  it("has no verdict for two weighings in the same month or out of order", () => {
    expect(
      naikVerdict(KBM_A, birth, { date: "2024-05-02", weight: 6 }, { date: "2024-05-30", weight: 7 }),
    ).toBe(undefined);
    expect(
      naikVerdict(KBM_A, birth, { date: "2024-06-02", weight: 6 }, { date: "2024-05-30", weight: 7 }),
    ).toBe(undefined);
  });

  it("follows the chosen table: 300 g at 7 months is N under B and C, T under A", () => {
    const prev = { date: "2024-07-15", weight: 7.5 };
    const cur = { date: "2024-08-15", weight: 7.8 };
    expect(naikVerdict(KBM_A, birth, prev, cur)?.verdict).toBe("T");
    expect(naikVerdict(KBM_B, birth, prev, cur)?.verdict).toBe("N");
    expect(naikVerdict(KBM_C, birth, prev, cur)?.verdict).toBe("N");
  });

  it("counts weight in whole grams", () => {
    expect(weightGrams(8.3) - weightGrams(7.5)).toBe(800);
    expect(8.3 - 7.5).not.toBe(0.8); // why: the kg difference is 0.8000000000000007
  });
});

describe("the KBM table a district uses", () => {
  const none = { national: null, districts: {} };
  it.each([
    ["nothing chosen: built-in A", none, "35.03", KBM_A.id, "builtin"],
    ["national B", { national: KBM_B.id, districts: {} }, "35.03", KBM_B.id, "national"],
    [
      "district C over national B",
      { national: KBM_B.id, districts: { "35.03": KBM_C.id } },
      "35.03",
      KBM_C.id,
      "district",
    ],
    [
      "another district's choice does not apply",
      { national: KBM_B.id, districts: { "35.04": KBM_C.id } },
      "35.03",
      KBM_B.id,
      "national",
    ],
    [
      "an unknown stored id is passed over",
      { national: "kbm-x", districts: { "35.03": "kbm-y" } },
      "35.03",
      KBM_A.id,
      "builtin",
    ],
    [
      "no district (a province or the nation): national",
      { national: KBM_C.id, districts: { "35.03": KBM_B.id } },
      null,
      KBM_C.id,
      "national",
    ],
  ] as const)("%s", (_label, choices, district, id, source) => {
    const r = kbmForDistrict(choices, district);
    expect([r.table.id, r.source]).toEqual([id, source]);
  });

  it("finds a table by id", () => {
    expect(kbmTableById("kbm-c-aus-cdep")).toBe(KBM_C);
    expect(kbmTableById("nope")).toBeUndefined();
    expect(kbmTableById(null)).toBeUndefined();
  });
});
