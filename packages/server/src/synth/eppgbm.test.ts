import { statusTbu } from "@tumbuh/growth";
import { expect, it } from "vitest";
import { EPPGBM_FLAT_COLUMNS, generateEppgbmRows, type SynthDistrict } from "./eppgbm.ts";
import { Random } from "./random.ts";

const place: SynthDistrict = {
  province: { code: "35", name: "JAWA TIMUR" },
  district: { code: "35.03", name: "KABUPATEN TRENGGALEK" },
  subdistricts: [
    {
      code: "35.03.01",
      name: "Panggul",
      villages: [
        { code: "35.03.01.2001", name: "Besuki" },
        { code: "35.03.01.2017", name: "Ngrambingan" },
      ],
    },
    { code: "35.03.11", name: "Trenggalek", villages: [{ code: "35.03.11.1003", name: "Ngantru" }] },
  ],
};
const col = (name: (typeof EPPGBM_FLAT_COLUMNS)[number]) => EPPGBM_FLAT_COLUMNS.indexOf(name);

it("is deterministic for a seed and differs between seeds", () => {
  const a = [...generateEppgbmRows(place, { children: 50, seed: 1 })];
  const b = [...generateEppgbmRows(place, { children: 50, seed: 1 })];
  const c = [...generateEppgbmRows(place, { children: 50, seed: 2 })];
  expect(a).toEqual(b);
  expect(a).not.toEqual(c);
  expect(new Random(9).next()).toBe(new Random(9).next());
});

it("writes the e-PPGBM columns, real villages and monthly follow-up", () => {
  const rows = [...generateEppgbmRows(place, { children: 300, seed: 3, messyRate: 0 })];
  expect(EPPGBM_FLAT_COLUMNS).toHaveLength(38);
  expect(rows.every((r) => r.length === 38)).toBe(true);
  const villages = new Set(rows.map((r) => r[col("Desa/Kel")]));
  expect([...villages].sort()).toEqual(["BESUKI", "NGANTRU", "NGRAMBINGAN"]);
  // Children are followed over several months of the 12.
  const perChild = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = `${r[col("Nama")]}|${r[col("Tgl Lahir")]}`;
    const set = perChild.get(k) ?? new Set();
    set.add(r[col("Tanggal Pengukuran")].slice(3));
    perChild.set(k, set);
  }
  const months = [...perChild.values()].map((s) => s.size);
  expect(months.reduce((s, n) => s + n, 0) / months.length).toBeGreaterThan(6);
  expect(rows.every((r) => /^\d{2}\/\d{2}\/20\d{2}$/.test(r[col("Tanggal Pengukuran")]))).toBe(true);
});

it("draws growth with stunting near 20 % (by the file's own z-scores)", () => {
  const rows = [...generateEppgbmRows(place, { children: 3000, seed: 11, messyRate: 0 })];
  const aug = rows.filter((r) => r[col("Status Bulan")] === "8" && r[col("ZS TB/U")] !== "");
  const stunted = aug.filter((r) => {
    const s = statusTbu(Number(r[col("ZS TB/U")]))?.code;
    return s === "pendek" || s === "sangat_pendek";
  });
  const rate = stunted.length / aug.length;
  expect(rate).toBeGreaterThan(0.15);
  expect(rate).toBeLessThan(0.25);
});

it("makes a few rows messy when asked", () => {
  const rows = [...generateEppgbmRows(place, { children: 500, seed: 4, messyRate: 0.05 })];
  const emptyDate = rows.filter((r) => r[col("Tanggal Pengukuran")] === "").length;
  const unknownVillage = rows.filter((r) => r[col("Desa/Kel")] === "DESA TIDAK DIKENAL").length;
  expect(emptyDate + unknownVillage).toBeGreaterThan(0);
  expect(emptyDate + unknownVillage).toBeLessThan(rows.length * 0.05);
});
