import { describe, expect, it } from "vitest";
import { mapColumns } from "./columns.ts";
import { fieldCells, leadingChildColumns, missingColumns, recordOf, sameCells } from "./records.ts";

const header = [
  "NIK",
  "Nama",
  "JK",
  "Tgl Lahir",
  "Alamat",
  "Tanggal Pengukuran",
  "Berat",
  "Tinggi",
  "Catatan",
];

describe("records", () => {
  it("reads a row's fields by name, into one reused object", () => {
    const fields = fieldCells(mapColumns(header));
    const rec = {};
    const cells = [
      "3503014303230001",
      "Wulan",
      "P",
      "03/03/2023",
      "Jl. Mawar",
      "15/08/2025",
      "10,2",
      "80",
      "x",
    ];
    expect(recordOf(fields, cells, rec)).toBe(rec);
    expect(rec).toMatchObject({ nik: "3503014303230001", name: "Wulan", weight: "10,2", lenhei: "80" });
    expect(recordOf(fields, cells.slice(0, 6))).toMatchObject({ measuredOn: "15/08/2025", weight: null });
  });

  it("counts the leading columns that describe the child (NIK to Alamat)", () => {
    expect(leadingChildColumns(fieldCells(mapColumns(header)))).toBe(5);
    expect(leadingChildColumns(fieldCells(mapColumns(["Berat", ...header])))).toBe(0);
  });

  it("compares the cells of two rows at the given positions", () => {
    expect(sameCells(["a", "b", "c"], ["a", "x", "c"], [0, 2])).toBe(true);
    expect(sameCells(["a", "b", "c"], ["a", "x", "c"], [0, 1])).toBe(false);
  });

  it("names a missing field with the column names users may give it", () => {
    expect(missingColumns(mapColumns(["Nama"]), ["name", "birthDate"])).toMatch(/^Tgl Lahir \(or /);
  });
});
