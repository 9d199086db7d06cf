import { describe, expect, it } from "vitest";
import { budgetSummary } from "./budget.ts";
import {
  ACTIVITY_COLUMNS,
  activityToRow,
  type PlanActivity,
  parseActivitySheet,
  parseRupiah,
  toBudgetActivity,
} from "./rencana.ts";

const HEADER = ACTIVITY_COLUMNS.map((c) => c.header);
const CONTEXT = {
  villages: new Set(["35.03.01.2001", "35.03.01.2002", "35.03.02.2001"]),
  indicators: new Set(["SPE1", "SPE7", "SEN5"]),
};

const PMT: PlanActivity = {
  opd: "Dinas Kesehatan",
  programCode: "1.02.02",
  programName: "Program Pemenuhan Upaya Kesehatan",
  kegiatanCode: "1.02.02.2.02",
  kegiatanName: "Penyediaan Layanan Kesehatan",
  subKegiatanCode: "1.02.02.2.02.0034",
  subKegiatanName: "Pengelolaan Pelayanan Gizi",
  name: "PMT lokal ibu hamil KEK",
  intervention: "spesifik",
  indicatorCode: "SPE1",
  pillar: 3,
  villages: [{ code: "35.03.01.2001", pagu: 30_000_000 }, { code: "35.03.01.2002" }],
  volume: 120,
  unit: "ibu hamil",
  pagu: { apbd: 50_000_000, dak: 10_000_000 },
  realisasi: { apbd: 20_000_000 },
  volumeDone: 40,
  startMonth: 2,
  endMonth: 11,
};

describe("parseRupiah", () => {
  it.each([
    [150000000, 150_000_000],
    ["150000000", 150_000_000],
    ["150.000.000", 150_000_000],
    ["Rp 150.000.000,00", 150_000_000],
    ["150,000,000", 150_000_000],
    ["", undefined],
    ["-", undefined],
  ])("%j → %j", (cell, value) => {
    expect(parseRupiah(cell)).toEqual({ ok: true, value });
  });
  it.each([["1.5"], ["12,5"], [-3], [2.5], ["dua juta"]])("refuses %j", (cell) => {
    expect(parseRupiah(cell).ok).toBe(false);
  });
});

describe("the plan sheet", () => {
  it("exports a row that imports back as the same activity", () => {
    const row = activityToRow(PMT);
    expect(row.slice(0, 12)).toEqual([
      "Dinas Kesehatan",
      "1.02.02",
      "Program Pemenuhan Upaya Kesehatan",
      "1.02.02.2.02",
      "Penyediaan Layanan Kesehatan",
      "1.02.02.2.02.0034",
      "Pengelolaan Pelayanan Gizi",
      "PMT lokal ibu hamil KEK",
      "spesifik",
      "SPE1",
      3,
      "35.03.01.2001=30000000; 35.03.01.2002",
    ]);
    const back = parseActivitySheet(HEADER, [{ rowNo: 2, cells: row }], CONTEXT);
    expect(back.errors).toEqual([]);
    expect(back.activities).toEqual([{ rowNo: 2, activity: PMT }]);
  });

  it("reports each wrong cell with its row, column, what was found and what was expected", () => {
    const good = activityToRow(PMT);
    const set = (header: string, value: string | number | null) => {
      const r = [...good];
      r[HEADER.indexOf(header)] = value;
      return r;
    };
    const { activities, errors } = parseActivitySheet(
      HEADER,
      [
        { rowNo: 2, cells: good },
        { rowNo: 3, cells: set("Pilar", 7) },
        { rowNo: 4, cells: set("Kode Kegiatan", "1.03.01.2.01") },
        { rowNo: 5, cells: set("Intervensi", "gizi") },
        { rowNo: 6, cells: set("Desa Sasaran", "35.04.01.2001") },
        { rowNo: 7, cells: set("Pagu APBD", "lima juta") },
        { rowNo: 8, cells: set("Kode Indikator", "XYZ") },
        { rowNo: 9, cells: set("Bulan Selesai", 1) },
        { rowNo: 10, cells: HEADER.map(() => null) },
      ],
      CONTEXT,
    );
    expect(activities.map((a) => a.rowNo)).toEqual([2]);
    expect(errors.map((e) => [e.rowNo, e.field, e.message])).toEqual([
      [3, "Pilar", 'found "7", expected a pillar 1–5'],
      [
        4,
        "Kode Kegiatan",
        "kegiatan 1.03.01.2.01 is not under program 1.02.02; expected a code starting 1.02.02.",
      ],
      [
        4,
        "Kode Sub Kegiatan",
        "sub-kegiatan 1.02.02.2.02.0034 is not under kegiatan 1.03.01.2.01; expected a code starting 1.03.01.2.01.",
      ],
      [5, "Intervensi", 'found "gizi", expected spesifik, sensitif or koordinatif'],
      [6, "Desa Sasaran", "village 35.04.01.2001 is not a village of this district"],
      [7, "Pagu APBD", 'found "lima juta", expected whole rupiah such as 150000000 or 150.000.000'],
      [8, "Kode Indikator", 'found "XYZ", expected an indicator code such as SPE7 or SEN5'],
      [9, "Bulan Selesai", "found month 1, expected a month not before the start month 2"],
    ]);
  });

  it("gives each wrong cell a catalogue code with the value found and what it is checked against", () => {
    const good = activityToRow(PMT);
    const set = (cells: Record<string, string | number | null>) => {
      const r = [...good];
      for (const [header, value] of Object.entries(cells)) r[HEADER.indexOf(header)] = value;
      return r;
    };
    const { errors } = parseActivitySheet(
      HEADER,
      [
        { rowNo: 3, cells: set({ Pilar: "Pilar 7" }) },
        { rowNo: 4, cells: set({ "Kode Kegiatan": "1.03.01.2.01" }) },
        { rowNo: 5, cells: set({ Intervensi: "gizi", "Kode Indikator": "xyz" }) },
        { rowNo: 6, cells: set({ "Desa Sasaran": "35.04.01.2001; 35.03.01.2001=lima" }) },
        { rowNo: 7, cells: set({ "Desa Sasaran": "35.03.01.2001; 35.03.01.2001", "Pagu DAK": 1.5 }) },
        { rowNo: 8, cells: set({ "Bulan Selesai": 1, Volume: "banyak" }) },
        { rowNo: 9, cells: set({ OPD: "", "Bulan Mulai": 0 }) },
        { rowNo: 10, cells: set({ "Kode Program": "1-02" }) },
        { rowNo: 11, cells: set({ "Desa Sasaran": "35.04.01.2001", Volume: -2 }) },
      ],
      CONTEXT,
    );
    expect(errors.map((e) => [e.rowNo, e.field, e.userMessage])).toEqual([
      [3, "Pilar", { key: "aksi.planNotPillar", params: { value: "Pilar 7" } }],
      [
        4,
        "Kode Kegiatan",
        { key: "aksi.planKegiatanNotUnder", params: { code: "1.03.01.2.01", parent: "1.02.02" } },
      ],
      [
        4,
        "Kode Sub Kegiatan",
        {
          key: "aksi.planSubKegiatanNotUnder",
          params: { code: "1.02.02.2.02.0034", parent: "1.03.01.2.01" },
        },
      ],
      [5, "Intervensi", { key: "aksi.planNotIntervention", params: { value: "gizi" } }],
      [5, "Kode Indikator", { key: "aksi.planUnknownIndicator", params: { value: "XYZ" } }],
      [
        6,
        "Desa Sasaran",
        { key: "aksi.planVillageNotRupiah", params: { village: "35.03.01.2001", value: "lima" } },
      ],
      [7, "Pagu DAK", { key: "aksi.planNotRupiah", params: { value: 1.5 } }],
      [7, "Desa Sasaran", { key: "aksi.planVillageTwice", params: { village: "35.03.01.2001" } }],
      [8, "Volume", { key: "aksi.planNotNumber", params: { value: "banyak" } }],
      [8, "Bulan Selesai", { key: "aksi.planEndBeforeStart", params: { value: 1, start: 2 } }],
      [9, "OPD", { key: "aksi.planRequired" }],
      [9, "Bulan Mulai", { key: "aksi.planNotMonth", params: { value: "0" } }],
      [10, "Kode Program", { key: "aksi.planNotCode", params: { value: "1-02" } }],
      [
        10,
        "Kode Kegiatan",
        { key: "aksi.planKegiatanNotUnder", params: { code: "1.02.02.2.02", parent: "1-02" } },
      ],
      [11, "Desa Sasaran", { key: "aksi.planVillageOutside", params: { village: "35.04.01.2001" } }],
      [11, "Volume", { key: "aksi.planNegative", params: { value: "-2" } }],
    ]);
  });

  it("names a missing column with the header row expected", () => {
    const r = parseActivitySheet(["OPD", "Program"], [], CONTEXT);
    expect(r.errors[0].userMessage).toEqual({
      key: "aksi.planColumnMissing",
      params: { column: "Kode Program", expected: HEADER.join(", ") },
    });
  });

  it("names the missing columns", () => {
    const r = parseActivitySheet(["OPD", "Program"], [], CONTEXT);
    expect(r.errors.map((e) => e.field)).toEqual([
      "Kode Program",
      "Kode Kegiatan",
      "Kode Sub Kegiatan",
      "Rincian Kegiatan",
      "Intervensi",
      "Pilar",
    ]);
  });

  it("accepts the headers districts write differently", () => {
    const header = HEADER.map((h) =>
      h === "OPD" ? "Perangkat Daerah" : h === "Pagu APBD" ? "APBD" : h.toUpperCase(),
    );
    const r = parseActivitySheet(header, [{ rowNo: 2, cells: activityToRow(PMT) }], CONTEXT);
    expect(r.errors).toEqual([]);
    expect(r.activities[0].activity.opd).toBe("Dinas Kesehatan");
  });
});

describe("budget tagging of a plan", () => {
  it("summarises the plan per agency, source and desa lokus", () => {
    const sanitasi: PlanActivity = {
      ...PMT,
      opd: "Dinas PUPR",
      programCode: "1.03.03",
      kegiatanCode: "1.03.03.2.01",
      subKegiatanCode: "1.03.03.2.01.0005",
      name: "Jamban sehat",
      intervention: "sensitif",
      indicatorCode: "SEN5",
      pillar: 3,
      villages: [{ code: "35.03.02.2001" }],
      pagu: { dana_desa: 40_000_000 },
      realisasi: { dana_desa: 40_000_000 },
    };
    const s = budgetSummary([toBudgetActivity("a", PMT), toBudgetActivity("b", sanitasi)], ["35.03.01.2001"]);
    // PMT 60 M: 30 M to 2001 (given), the rest 30 M to 2002; realisasi 20 M in proportion (10 M + 10 M).
    expect(s.total).toMatchObject({ pagu: 100_000_000, realisasi: 60_000_000, realisasiPct: 60 });
    expect(s.byOpd.map((r) => [r.key, r.pagu])).toEqual([
      ["Dinas Kesehatan", 60_000_000],
      ["Dinas PUPR", 40_000_000],
    ]);
    expect(s.bySource.map((r) => [r.key, r.pagu])).toEqual([
      ["apbd", 50_000_000],
      ["dak", 10_000_000],
      ["dana_desa", 40_000_000],
      ["lainnya", 0],
    ]);
    expect(s.byVillage.map((r) => [r.key, r.pagu, r.realisasi, r.lokus])).toEqual([
      ["35.03.01.2001", 30_000_000, 10_000_000, true],
      ["35.03.01.2002", 30_000_000, 10_000_000, false],
      ["35.03.02.2001", 40_000_000, 40_000_000, false],
    ]);
    expect(s.lokusPagu).toMatchObject({ lokus: 30_000_000, pctOfLocated: 30 });
  });
});
