import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { crc32, exportFileName, toXlsx } from "./tableExport.ts";

const table = {
  headers: ["Wilayah", "Diukur", "Stunting (%)"],
  rows: [
    ["Kec. Panggul", 1234, 18.25],
    ['Desa "Baru", Timur', 0, null],
    ["Ngadirenggo\nUtara", 7, 14],
  ],
};

describe("crc32", () => {
  it("matches the standard check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});

describe("toXlsx", () => {
  it("produces a workbook that a spreadsheet library reads back cell for cell", async () => {
    const bytes = toXlsx(table, "Prevalensi");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Prevalensi")!;
    expect(ws).toBeDefined();
    expect(ws.getRow(1).values).toEqual([undefined, "Wilayah", "Diukur", "Stunting (%)"]);
    expect(ws.getCell("A2").value).toBe("Kec. Panggul");
    expect(ws.getCell("B2").value).toBe(1234);
    expect(ws.getCell("C2").value).toBe(18.25);
    expect(ws.getCell("A3").value).toBe('Desa "Baru", Timur');
    expect(ws.getCell("C3").value).toBe(null);
    expect(ws.getCell("A4").value).toBe("Ngadirenggo\nUtara");
    expect(ws.rowCount).toBe(4);
  });
  it("is a valid zip archive for the system unzip tool", () => {
    const dir = mkdtempSync(join(tmpdir(), "tumbuh-xlsx-"));
    const file = join(dir, "t.xlsx");
    writeFileSync(file, toXlsx(table));
    let listing: string;
    try {
      listing = execFileSync("unzip", ["-t", file], { encoding: "utf8" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return; // unzip not installed; the ExcelJS read above still checks the archive
      throw e;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(listing).toContain("No errors detected");
  });
});

describe("exportFileName", () => {
  it("makes a plain lowercase name", () => {
    expect(exportFileName("Prevalensi Kab. Trenggalek 2024-08")).toBe("prevalensi-kab-trenggalek-2024-08");
    expect(exportFileName("  ")).toBe("tumbuh");
  });
});
