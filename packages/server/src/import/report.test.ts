import { describe, expect, it } from "vitest";
import { rejection } from "./checked-row.ts";
import {
  addFlags,
  duplicateMessage,
  emptyReport,
  FLAGS_KEPT,
  type FlaggedMeasurement,
  flagsCsv,
  flagsTable,
  PhaseClock,
  rejectionsCsv,
  summaryText,
} from "./report.ts";

const lightGirl: FlaggedMeasurement = {
  rowNo: 5,
  name: "SITI",
  indicator: "wei",
  zscore: -6.42,
  weight: 5,
  lenhei: 95.5,
  ageDays: 900,
};

function sample() {
  const r = {
    ...emptyReport("posyandu-agustus.csv", true),
    districts: ["35.03"],
    sheets: [{ name: "", kind: "flat" as const, rows: 3, ignoredColumns: ["Catatan"] }],
    rowsRead: 3,
    rowsRejected: 1,
    childrenCreated: 2,
    measurementsAdded: 2,
    measurementsFlagged: 1,
    likelyDuplicates: [
      {
        rowNo: 3,
        name: "Wulan",
        birthDate: "2023-03-03",
        ...duplicateMessage("row.sameChildInFile", { row: 2 }),
      },
    ],
    rejections: [rejection("", 4, "Berat", "row.notNumber", { value: "abc" }, "abc")],
    durationMs: 1234,
  };
  addFlags(r, [lightGirl]);
  return r;
}

describe("import report", () => {
  it("summarises the counts, unused columns, duplicates, rejections and flags in Indonesian", () => {
    const text = summaryText(sample());
    expect(text).toContain("UJI COBA (tidak ada yang disimpan): posyandu-agustus.csv");
    expect(text).toContain("baris dibaca: 3, ditolak: 1, berulang: 0");
    expect(text).toContain("ditandai tidak masuk akal: 1");
    expect(text).toContain("sheet (csv): kolom tidak dipakai: Catatan");
    expect(text).toContain(
      "  baris 3: Wulan (2023-03-03): Nama, tanggal lahir dan jenis kelamin sama dengan anak di baris 2 berkas ini.",
    );
    expect(text).toContain('  baris 4: Berat: "abc" bukan angka; tulis angka seperti 85,5 atau 85.5.');
    expect(text).toContain(
      "  baris 5: SITI: 5 kg: Z-skor BB/U -6,42 tidak masuk akal (di luar -6 sampai 5, batas WHO).",
    );
    expect(text).toContain("waktu: 1.2 s");
  });

  it("summarises in English when asked", () => {
    const text = summaryText(sample(), "en");
    expect(text).toContain("DRY RUN (nothing written): posyandu-agustus.csv");
    expect(text).toContain("rows read: 3, rejected: 1, repeated: 0");
    expect(text).toContain('  row 4: Berat: "abc" is not a number; expected a number such as 85.5 or 85,5.');
    expect(text).toContain(
      "  row 5: SITI: 5 kg: BB/U z-score -6.42 is implausible (outside -6 to 5, the WHO limits).",
    );
  });

  it("writes the rejected and flagged rows with Indonesian headers, semicolons and decimal commas", () => {
    expect(rejectionsCsv(sample()).split("\r\n").slice(0, 2)).toEqual([
      "\uFEFFBaris;Sheet;Kolom;Nilai;Alasan",
      '4;;Berat;abc;"Berat: ""abc"" bukan angka; tulis angka seperti 85,5 atau 85.5."',
    ]);
    expect(flagsCsv(sample()).split("\r\n").slice(0, 2)).toEqual([
      "\uFEFFBaris;Nama anak;Indikator;Z-skor;Nilai;Berat (kg);Panjang/tinggi (cm);Umur (hari);Alasan",
      "5;SITI;BB/U;-6,42;5 kg;5;95,5;900;Z-skor BB/U -6,42 tidak masuk akal (di luar -6 sampai 5, batas WHO).",
    ]);
    const both = { ...lightGirl, indicator: "wfl" as const, zscore: -5.5 };
    const pos = { ...lightGirl, indicator: "pos" as const, zscore: null, lenhei: 60.2, ageDays: 200 };
    const r = emptyReport("f.csv", true);
    addFlags(r, [both, pos]);
    expect(flagsTable(r, "en").rows.map((row) => [row[2], row[3], row[4], row[8]])).toEqual([
      [
        "BB/TB",
        -5.5,
        "5 kg / 95.5 cm",
        "BB/TB z-score -5.5 is implausible (outside -5 to 5, the WHO limits).",
      ],
      ["Cara ukur", null, "60.2 cm", "Measured standing before 9 months of age; infants are measured lying."],
    ]);
  });

  it("keeps the first FLAGS_KEPT flags and counts them all", () => {
    const r = emptyReport("f.csv", true);
    addFlags(
      r,
      Array.from({ length: FLAGS_KEPT - 1 }, () => lightGirl),
    );
    addFlags(r, [lightGirl, lightGirl, lightGirl]);
    expect(r.flags).toHaveLength(FLAGS_KEPT);
    expect(r.flagsRaised).toBe(FLAGS_KEPT + 2);
  });

  it("times each phase from the end of the one before", () => {
    const r = emptyReport("f.csv", false);
    const clock = new PhaseClock(r);
    clock.phase("readAndWrite");
    clock.phase("merge");
    expect(Object.keys(r.phases)).toEqual(["readAndWrite", "merge"]);
    expect(clock.elapsed()).toBeGreaterThanOrEqual(r.phases.readAndWrite + r.phases.merge - 1);
  });
});
