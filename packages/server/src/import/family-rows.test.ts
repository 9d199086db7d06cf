import { describe, expect, it } from "vitest";
import { checkFamilyRow, familyColumns } from "./family-rows.ts";

const HEADER = [
  "Kode Desa",
  "Nama Kepala Keluarga",
  "Nama Istri",
  "Tgl Lahir Istri",
  "Hamil",
  "Sumber Air Minum",
  "Jamban",
  "Nama Anak 1",
  "Tgl Lahir Anak 1",
  "NIK Anak 1",
  "Nama Anak 2",
  "Tgl Lahir Anak 2",
];
const TODAY = "2026-12-05";
const cols = familyColumns(HEADER, { semesterGiven: true });
const row = (over: Partial<Record<(typeof HEADER)[number], string>>) => HEADER.map((h) => over[h] ?? null);
const GOOD = {
  "Kode Desa": "35.03.01.2001",
  "Nama Kepala Keluarga": "Slamet",
  "Nama Istri": "Siti",
  "Tgl Lahir Istri": "05/03/1998",
  Hamil: "Tidak",
  "Sumber Air Minum": "Ledeng/PAM",
  Jamban: "Tanpa septik",
  "Nama Anak 1": "Ayu",
  "Tgl Lahir Anak 1": "2024-01-10",
};

describe("family-data rows", () => {
  it("finds columns by their usual names, whatever the case and punctuation", () => {
    const c = familyColumns(["KODE_DESA", "nama kepala keluarga", "Tgl. Lahir Istri", "Semester"], {
      semesterGiven: false,
    });
    expect(c.fields).toEqual({ villageCode: 0, headName: 1, motherBirthDate: 2, semester: 3 });
    expect(c.missing).toEqual([]);
    expect(familyColumns(["Nama Istri"], { semesterGiven: false }).missing).toEqual([
      "Kode Desa",
      "Nama Kepala Keluarga",
      "Semester",
    ]);
  });

  it("reads a good row as the family form would send it", () => {
    const r = checkFamilyRow(row(GOOD), 2, cols, { today: TODAY, semester: "2026-S2" });
    expect(r).toEqual({
      ok: true,
      family: {
        villageCode: "35.03.01.2001",
        semester: "2026-S2",
        dataSource: "pk",
        headName: "Slamet",
        motherName: "Siti",
        motherBirthDate: "1998-03-05",
        pregnant: false,
        waterSource: "ledeng",
        latrine: "jamban_tanpa_septik",
        rt: null,
        rw: null,
        address: null,
        children: [{ name: "Ayu", birthDate: "2024-01-10" }],
      },
    });
  });

  it.each([
    // cells changed → [column, reason] of each rejection, in Indonesian
    [{ "Kode Desa": "" }, [["Kode Desa", "kosong; yang diharapkan kode desa seperti 35.03.01.2001"]]],
    [{ "Kode Desa": "3503012001" }, [["Kode Desa", "bukan kode desa; yang diharapkan bentuk 35.03.01.2001"]]],
    [
      { "Tgl Lahir Istri": "31/02/1998" },
      [
        [
          "Tgl Lahir Istri",
          "bukan tanggal yang ada; yang diharapkan hh/bb/tttt (mis. 05/03/1998) atau tttt-bb-hh",
        ],
      ],
    ],
    [
      { "Tgl Lahir Anak 1": "2027-01-01" },
      [["Tgl Lahir Anak 1", "tanggal 2027-01-01 belum tiba (hari ini 2026-12-05)"]],
    ],
    [{ Hamil: "mungkin" }, [["Hamil", "tidak dikenal; yang diharapkan Ya atau Tidak"]]],
    [
      { Jamban: "ada" },
      [["Jamban", "tidak dikenal; yang diharapkan jamban septik, jamban tanpa septik atau tidak ada"]],
    ],
    [{ "NIK Anak 1": "12345" }, [["NIK Anak 1", "bukan NIK; yang diharapkan 16 angka"]]],
    [
      { "Tgl Lahir Anak 2": "2020-01-01" },
      [["Nama Anak 2", "kosong, padahal tanggal lahir atau NIK anak ini diisi"]],
    ],
    [{ "Tgl Lahir Anak 1": "1997-01-01" }, [["Tgl Lahir Anak 1", "lahir sebelum ibunya (1998-03-05)"]]],
  ])("rejects %j", (over, expected) => {
    const r = checkFamilyRow(row({ ...GOOD, ...over }), 7, cols, { today: TODAY, semester: "2026-S2" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.rejections.map((x) => [x.field, x.reason])).toEqual(expected);
      expect(r.rejections.every((x) => x.rowNo === 7)).toBe(true);
    }
  });

  it.each([
    [{ "Kode Desa": "" }, { key: "row.empty", params: { field: "Kode Desa" } }],
    [
      { "Kode Desa": "3503012001" },
      { key: "family.rowNotVillageCode", params: { field: "Kode Desa", value: "3503012001" } },
    ],
    [
      { "Tgl Lahir Istri": "31/02/1998" },
      { key: "row.notDate", params: { field: "Tgl Lahir Istri", value: "31/02/1998" } },
    ],
    [
      { "Tgl Lahir Anak 1": "2027-01-01" },
      { key: "row.dateInFuture", params: { field: "Tgl Lahir Anak 1", value: "2027-01-01", today: TODAY } },
    ],
    [{ Hamil: "mungkin" }, { key: "family.rowNotYesNo", params: { field: "Hamil", value: "mungkin" } }],
    [{ Jamban: "ada" }, { key: "family.rowUnknownLatrine", params: { field: "Jamban", value: "ada" } }],
    [{ "NIK Anak 1": "12345" }, { key: "family.rowNotNik", params: { field: "NIK Anak 1", digits: 5 } }],
    [
      { "Tgl Lahir Anak 2": "2020-01-01" },
      { key: "family.rowChildNameEmpty", params: { field: "Nama Anak 2" } },
    ],
    [
      { "Tgl Lahir Anak 1": "1997-01-01" },
      {
        key: "family.rowChildBeforeMother",
        params: { field: "Tgl Lahir Anak 1", value: "1997-01-01", motherBirthDate: "1998-03-05" },
      },
    ],
  ])("gives the rejection of %j a catalogue code with the column and value", (over, expected) => {
    const r = checkFamilyRow(row({ ...GOOD, ...over }), 7, cols, { today: TODAY, semester: "2026-S2" });
    expect(r.ok ? [] : r.rejections.map((x) => x.userMessage)).toEqual([expected]);
  });

  it.each([
    ["Air kemasan/isi ulang", "kemasan_isi_ulang"],
    ["Sumur bor/pompa", "sumur_bor"],
    ["sumur terlindung", "sumur_terlindungi"],
    ["Sungai/danau", "air_permukaan"],
    ["mata_air_tidak_terlindungi", "mata_air_tidak_terlindungi"],
  ])("reads the water source %s as %s", (cell, code) => {
    const r = checkFamilyRow(row({ ...GOOD, "Sumber Air Minum": cell }), 2, cols, {
      today: TODAY,
      semester: "2026-S2",
    });
    expect(r.ok && r.family.waterSource).toBe(code);
  });

  it("keeps the NIK only to find the child's record and leaves children unknown without child columns", () => {
    const r = checkFamilyRow(row({ ...GOOD, "NIK Anak 1": "'3503015001240001" }), 2, cols, {
      today: TODAY,
      semester: "2026-S2",
    });
    expect(r.ok && r.family.children).toEqual([
      { name: "Ayu", birthDate: "2024-01-10", nik: "3503015001240001" },
    ]);
    const bare = familyColumns(["Kode Desa", "Nama Kepala Keluarga"], { semesterGiven: true });
    const b = checkFamilyRow(["35.03.01.2001", "Slamet"], 2, bare, { today: TODAY, semester: "2026-S2" });
    expect(b.ok && b.family.children).toBeNull();
  });
});
