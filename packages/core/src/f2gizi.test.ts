import { describe, expect, it } from "vitest";
import { type F2GiziPosyanduInput, f2giziReport, f2giziTable, type NutritionCounts } from "./f2gizi.ts";
import type { SkdnCounts } from "./skdn-counts.ts";

const skdn = (
  s: number,
  k: number,
  kUnknown: number,
  n: number,
  t: number,
  o: number,
  b: number,
  twoT = 0,
  bgm = 0,
): SkdnCounts => ({
  s,
  k,
  kUnknown,
  d: n + t + o + b,
  n,
  t,
  o,
  b,
  twoT,
  bgm,
});
const gizi = (
  measured: number,
  hazValid: number,
  stunted: number,
  whzValid: number,
  wasted: number,
  wazValid: number,
  underweight: number,
): NutritionCounts => ({
  measured,
  hazValid,
  stunted,
  severelyStunted: 0,
  whzValid,
  wasted,
  severelyWasted: 0,
  wazValid,
  underweight,
});

const place = { subdistrictCode: "35.03.01", subdistrictName: "Panggul" };
/**
 * Four posyandu, March 2025: Melati and Anggrek under Puskesmas Panggul, Mawar under Puskesmas
 * Bodag, Kenanga registered with no puskesmas (grouped by its kecamatan).
 */
const INPUT: F2GiziPosyanduInput[] = [
  {
    id: "p1",
    name: "Melati",
    villageCode: "35.03.01.2002",
    villageName: "Sumberejo",
    puskesmasId: "pk1",
    puskesmasName: "Panggul",
    ...place,
    skdn: skdn(40, 30, 0, 20, 8, 4, 2, 1, 1),
    nutrition: gizi(34, 33, 9, 32, 2, 34, 5),
  },
  {
    id: "p2",
    name: "Anggrek",
    villageCode: "35.03.01.2001",
    villageName: "Besuki",
    puskesmasId: "pk1",
    puskesmasName: "Panggul",
    ...place,
    skdn: skdn(20, 0, 20, 10, 5, 0, 1, 2, 0),
    nutrition: gizi(16, 16, 3, 16, 1, 16, 2),
  },
  {
    id: "p3",
    name: "Mawar",
    villageCode: "35.03.02.2001",
    villageName: "Bodag",
    puskesmasId: "pk2",
    puskesmasName: "Bodag",
    subdistrictCode: "35.03.02",
    subdistrictName: "Munjungan",
    skdn: skdn(10, 10, 0, 5, 0, 0, 0),
  },
  {
    id: "p4",
    name: "Kenanga",
    villageCode: "35.03.01.2003",
    villageName: "Wonocoyo",
    puskesmasId: null,
    puskesmasName: null,
    ...place,
  },
];

describe("F II Gizi: posyandu rows rolled up per puskesmas (worked by hand)", () => {
  const report = f2giziReport("2025-03", INPUT);

  it("groups by puskesmas, by name; a posyandu with none under its kecamatan", () => {
    expect(report.groups.map((g) => [g.kind, g.name, g.posyandu.map((p) => p.name)])).toEqual([
      ["puskesmas", "Bodag", ["Mawar"]],
      ["subdistrict", "Panggul", ["Kenanga"]],
      ["puskesmas", "Panggul", ["Anggrek", "Melati"]], // Besuki before Sumberejo
    ]);
  });

  it("sums the subtotal and computes its rates from the sums", () => {
    const panggul = report.groups[2].subtotal;
    // S 40+20, K 30+0 (Anggrek unknown for all 20), D 34+16, N 20+10, 2T 1+2, BGM 1+0
    expect(panggul.skdn).toEqual({
      s: 60,
      k: 30,
      kUnknown: 20,
      d: 50,
      n: 30,
      t: 13,
      o: 4,
      b: 3,
      twoT: 3,
      bgm: 1,
    });
    expect(panggul.ks).toBe(30 / 60);
    expect(panggul.ds).toBe(50 / 60);
    expect(panggul.nd).toBe(30 / 50);
    expect(panggul.stuntingRate).toBe(12 / 49);
    expect(panggul.wastingRate).toBe(3 / 48);
    expect(panggul.underweightRate).toBe(7 / 50);
    expect(panggul.consistent).toBe(true);
  });

  it("totals every group; a posyandu without rows counts zeros and rates stay empty", () => {
    expect(report.total.skdn).toMatchObject({ s: 70, k: 40, d: 55, n: 35 });
    expect(report.total.nutrition.measured).toBe(50);
    const kenanga = report.groups[1].posyandu[0];
    expect([kenanga.skdn.s, kenanga.ds, kenanga.stuntingRate]).toEqual([0, null, null]);
  });

  it("lays the report out as one table with subtotal and total rows, percents to one decimal", () => {
    const { headers, rows, kinds } = f2giziTable(report);
    expect(kinds).toEqual([
      "posyandu",
      "subtotal",
      "posyandu",
      "subtotal",
      "posyandu",
      "posyandu",
      "subtotal",
      "total",
    ]);
    expect(headers).toHaveLength(22);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["Bodag", "Bodag", "Mawar"],
      ["Jumlah Bodag", "", ""],
      ["Kec. Panggul (tanpa puskesmas)", "Wonocoyo", "Kenanga"],
      ["Jumlah Kec. Panggul (tanpa puskesmas)", "", ""],
      ["Panggul", "Besuki", "Anggrek"],
      ["Panggul", "Sumberejo", "Melati"],
      ["Jumlah Panggul", "", ""],
      ["Jumlah seluruhnya", "", ""],
    ]);
    // Anggrek: K not recorded for anyone → empty; K/S empty; D/S 16/20 = 80 %; N/D 10/16 = 62.5 %;
    // stunting 3/16 = 18.75 % → 18.8
    expect(rows[4].slice(3)).toEqual([
      20,
      null,
      16,
      10,
      5,
      0,
      1,
      2,
      0,
      null,
      80,
      62.5,
      16,
      3,
      18.8,
      1,
      6.3,
      2,
      12.5,
    ]);
    // Panggul subtotal: K/S 50 %, D/S 83.3 %, N/D 60 %, stunting 12/49 = 24.5 %
    expect(rows[6].slice(12, 18)).toEqual([50, 83.3, 60, 50, 12, 24.5]);
  });
});
