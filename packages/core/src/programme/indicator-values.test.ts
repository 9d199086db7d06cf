import { describe, expect, it } from "vitest";
import { parseIndicatorValueSheet } from "./indicator-values.ts";

const CONTEXT = {
  regions: new Set(["35.03.01", "35.03.01.2001", "35.03.01.2002"]),
  units: new Map([
    ["SPE7", "persen"],
    ["SEN6", "jiwa"],
  ]),
  defaultSource: "Impor berkas",
};
const HEADER = ["Kode Wilayah", "Kode Indikator", "Nilai", "Pembilang", "Penyebut", "Sumber"];

describe("indicator values from a file", () => {
  it("reads values, computes coverage from numerator and denominator, and names every wrong cell", () => {
    const r = parseIndicatorValueSheet(
      HEADER,
      [
        { rowNo: 2, cells: ["35.03.01.2001", "spe7", "85,5", null, null, "Laporan Dinkes"] },
        { rowNo: 3, cells: ["35.03.01.2002", "SPE7", null, 45, 60, null] }, // 45 ÷ 60 = 75 %
        { rowNo: 4, cells: ["35.03.01", "SEN6", 1250, null, null, "BPJS"] },
        { rowNo: 5, cells: ["35.04.01.2001", "SPE7", 50, null, null, null] },
        { rowNo: 6, cells: ["35.03.01.2001", "XYZ", 50, null, null, null] },
        { rowNo: 7, cells: ["35.03.01.2001", "SPE7", 120, null, null, null] },
        { rowNo: 8, cells: ["35.03.01.2001", "SPE7", null, 4, 0, null] },
        { rowNo: 9, cells: ["35.03.01.2001", "SPE7", "banyak", null, null, null] },
        { rowNo: 10, cells: [null, null, null, null, null, null] },
      ],
      CONTEXT,
    );
    expect(r.values).toEqual([
      {
        regionCode: "35.03.01.2001",
        indicatorCode: "SPE7",
        value: 85.5,
        numerator: null,
        denominator: null,
        source: "Laporan Dinkes",
      },
      {
        regionCode: "35.03.01.2002",
        indicatorCode: "SPE7",
        value: 75,
        numerator: 45,
        denominator: 60,
        source: "Impor berkas",
      },
      {
        regionCode: "35.03.01",
        indicatorCode: "SEN6",
        value: 1250,
        numerator: null,
        denominator: null,
        source: "BPJS",
      },
    ]);
    expect(r.errors.map((e) => [e.rowNo, e.field])).toEqual([
      [5, "Kode Wilayah"],
      [6, "Kode Indikator"],
      [7, "Nilai"],
      [8, "Nilai"],
      [9, "Nilai"],
    ]);
    expect(r.errors[2].message).toBe("found 120, expected a percentage 0–100");
  });

  it("needs a region, an indicator and a value column (or numerator and denominator)", () => {
    expect(
      parseIndicatorValueSheet(["Kode Desa", "Indikator"], [], CONTEXT).errors.map((e) => e.field),
    ).toEqual(["Nilai"]);
    expect(parseIndicatorValueSheet(["Nilai"], [], CONTEXT).errors.map((e) => e.field)).toEqual([
      "Kode Wilayah",
      "Kode Indikator",
    ]);
  });
});
