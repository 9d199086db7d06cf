import { describe, expect, it } from "vitest";
import { BudgetActivity, budgetSummary, splitOverVillages } from "./budget.ts";
import { checkConfig } from "./config.ts";

const M = 1_000_000;
const V1 = "35.03.01.2001";
const V2 = "35.03.01.2002";
const V3 = "35.03.01.2003";
const V4 = "35.03.02.2001";
const LOKUS = [V1, V2];

// Budget codes are illustrative (shape of Kepmendagri 050-5889), not checked against the decree.
const base = { program: "1.02.02", kegiatan: "1.02.02.2.02", subKegiatan: "1.02.02.2.02.0001" };
const ACTIVITIES: BudgetActivity[] = [
  {
    id: "A1",
    ...base,
    opd: "Dinas Kesehatan",
    pillar: 3,
    intervention: "spesifik",
    indicatorCode: "SPE1",
    villages: [{ code: V1 }, { code: V2 }, { code: V3 }],
    pagu: { apbd: 90 * M, dak: 30 * M },
    realisasi: { apbd: 60 * M, dak: 30 * M },
  },
  {
    id: "A2",
    ...base,
    opd: "Dinas PMD",
    pillar: 2,
    intervention: "koordinatif",
    indicatorCode: null,
    villages: [
      { code: V1, pagu: 10 * M },
      { code: V4, pagu: 30 * M },
    ],
    pagu: { dana_desa: 40 * M },
    realisasi: { dana_desa: 20 * M },
  },
  {
    id: "A3",
    ...base,
    opd: "Dinas PUPR",
    pillar: 3,
    intervention: "sensitif",
    indicatorCode: "SEN4",
    villages: [{ code: V2, pagu: 70 * M }, { code: V4 }],
    pagu: { apbd: 100 * M },
    realisasi: { apbd: 100 * M },
  },
  {
    id: "A4",
    ...base,
    opd: "Bappeda",
    pillar: 5,
    intervention: "koordinatif",
    indicatorCode: null,
    villages: [],
    pagu: { apbd: 25 * M, lainnya: 5 * M },
    realisasi: { apbd: 10 * M },
  },
  {
    id: "A5",
    ...base,
    opd: "Dinas Kesehatan",
    pillar: 3,
    intervention: "spesifik",
    indicatorCode: "SPE7",
    villages: [{ code: V1 }, { code: V2 }, { code: V3 }],
    pagu: { apbd: 10 * M },
    realisasi: { apbd: 5 * M },
  },
];

const rows = <K>(rs: { key: K; pagu: number; realisasi: number; activities: number }[]) =>
  rs.map((r) => [r.key, r.pagu, r.realisasi, r.activities]);

describe("budget summaries", () => {
  const s = budgetSummary(ACTIVITIES, LOKUS);

  it("totals and realisation %", () => {
    // pagu 120 + 40 + 100 + 30 + 10 = 300 M; realisasi 90 + 20 + 100 + 10 + 5 = 225 M
    expect(s.total).toEqual({
      key: "total",
      pagu: 300 * M,
      realisasi: 225 * M,
      realisasiPct: 75,
      activities: 5,
    });
    expect(s.issues).toEqual([]);
  });

  it("per agency, indicator, pillar and intervention, whole activities", () => {
    expect(rows(s.byOpd)).toEqual([
      ["Dinas Kesehatan", 130 * M, 95 * M, 2],
      ["Dinas PMD", 40 * M, 20 * M, 1],
      ["Dinas PUPR", 100 * M, 100 * M, 1],
      ["Bappeda", 30 * M, 10 * M, 1],
    ]);
    expect(s.byOpd[0].realisasiPct).toBeCloseTo(73.077, 3); // 95 ÷ 130
    expect(s.byOpd[3].realisasiPct).toBeCloseTo(33.333, 3);
    expect(rows(s.byIndicator)).toEqual([
      ["SPE1", 120 * M, 90 * M, 1],
      [null, 70 * M, 30 * M, 2],
      ["SEN4", 100 * M, 100 * M, 1],
      ["SPE7", 10 * M, 5 * M, 1],
    ]);
    expect(rows(s.byPillar)).toEqual([
      [2, 40 * M, 20 * M, 1],
      [3, 230 * M, 195 * M, 3],
      [5, 30 * M, 10 * M, 1],
    ]);
    expect(rows(s.byIntervention)).toEqual([
      ["spesifik", 130 * M, 95 * M, 2],
      ["koordinatif", 70 * M, 30 * M, 2],
      ["sensitif", 100 * M, 100 * M, 1],
    ]);
  });

  it("per source", () => {
    // APBD: 90 + 100 + 25 + 10 = 225 M pagu; 60 + 100 + 10 + 5 = 175 M realisasi
    expect(rows(s.bySource)).toEqual([
      ["apbd", 225 * M, 175 * M, 4],
      ["dak", 30 * M, 30 * M, 1],
      ["dana_desa", 40 * M, 20 * M, 1],
      ["lainnya", 5 * M, 0, 1],
    ]);
    expect(s.bySource.map((r) => r.realisasiPct)).toEqual([expect.closeTo(77.778, 3), 100, 50, 0]);
  });

  it("per village: equal split unless amounts are given, in whole rupiah", () => {
    // A1: 120 M ÷ 3 = 40 M each, realisasi 90 M ÷ 3 = 30 M each
    // A2: amounts given, 10 M / 30 M; realisasi 20 M in proportion: 5 M / 15 M
    // A3: V2 70 M given, V4 the rest 30 M; realisasi 70 M / 30 M
    // A5: 10,000,000 ÷ 3 = 3,333,334 / 3,333,333 / 3,333,333;
    //     realisasi 5,000,000 in proportion: 1,666,667.0 / 1,666,666.5 / 1,666,666.5 → 1,666,667 / 1,666,667 / 1,666,666
    expect(s.byVillage.map((r) => [r.key, r.lokus, r.pagu, r.realisasi, r.activities])).toEqual([
      [V1, true, 53_333_334, 36_666_667, 3],
      [V2, true, 113_333_333, 101_666_667, 3],
      [V3, false, 43_333_333, 31_666_666, 2],
      [V4, false, 60 * M, 45 * M, 2],
      [null, null, 30 * M, 10 * M, 1],
    ]);
    expect(s.byVillage.reduce((t, r) => t + r.pagu, 0)).toBe(s.total.pagu);
    expect(s.byVillage.reduce((t, r) => t + r.realisasi, 0)).toBe(s.total.realisasi);
  });

  it("the share in desa lokus, of located and of all spending", () => {
    // pagu: lokus 166,666,667; other villages 103,333,333; unlocated 30 M
    expect(s.lokusPagu).toMatchObject({ lokus: 166_666_667, nonLokus: 103_333_333, unlocated: 30 * M });
    expect(s.lokusPagu.pctOfLocated).toBeCloseTo(61.728, 3); // ÷ 270 M
    expect(s.lokusPagu.pctOfTotal).toBeCloseTo(55.556, 3); // ÷ 300 M
    // realisasi: lokus 138,333,334; other villages 76,666,666; unlocated 10 M
    expect(s.lokusRealisasi).toMatchObject({ lokus: 138_333_334, nonLokus: 76_666_666, unlocated: 10 * M });
    expect(s.lokusRealisasi.pctOfLocated).toBeCloseTo(64.341, 3); // ÷ 215 M
    expect(s.lokusRealisasi.pctOfTotal).toBeCloseTo(61.481, 3); // ÷ 225 M
  });

  it.each([
    // village amounts given, pagu → split, issue
    [
      [50, 30],
      100,
      [62_500_000, 37_500_000],
      /add up to 80000000, the pagu is 100000000: split in proportion/,
    ],
    [[120, undefined], 100, [100 * M, 0], /above the pagu 100000000: the other villages get 0/],
  ])("village amounts %j against a pagu of %i M: %j with an issue", (amounts, pagu, split, issue) => {
    const a: BudgetActivity = {
      ...ACTIVITIES[0],
      villages: amounts.map((x, i) => ({ code: `V${i}`, ...(x === undefined ? {} : { pagu: x * M }) })),
      pagu: { apbd: pagu * M },
      realisasi: {},
    };
    const r = splitOverVillages(a);
    expect(r.villages.map((v) => v.pagu)).toEqual(split);
    expect(r.issues[0]).toMatch(issue);
  });

  it("reports realisasi above pagu and a village listed twice", () => {
    const a: BudgetActivity = {
      ...ACTIVITIES[4],
      villages: [{ code: V1 }, { code: V1 }],
      realisasi: { apbd: 11 * M },
    };
    expect(budgetSummary([a], LOKUS).issues).toEqual([
      { activityId: "A5", message: "realisasi apbd 11000000 exceeds its pagu 10000000" },
      { activityId: "A5", message: `village ${V1} is listed more than once` },
    ]);
  });

  it("gives a null realisation % when nothing was budgeted, and validates activities", () => {
    const a: BudgetActivity = { ...ACTIVITIES[3], pagu: {}, realisasi: {} };
    expect(budgetSummary([a], []).total.realisasiPct).toBeNull();
    expect(budgetSummary([], []).lokusPagu).toEqual({
      lokus: 0,
      nonLokus: 0,
      unlocated: 0,
      pctOfLocated: null,
      pctOfTotal: null,
    });
    const check = checkConfig(BudgetActivity, { ...ACTIVITIES[0], pillar: 6, pagu: { apbd: 1.5 } });
    expect(check.ok ? [] : check.errors).toEqual([
      "pillar: Too big: expected number to be <=5",
      "pagu.apbd: expected whole rupiah",
    ]);
  });
});
