import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, expect, it } from "vitest";
import { IMPORT_LIMITS, type ImportLimits } from "./limits.ts";
import { readSheets } from "./read.ts";
import type { SheetRow } from "./sheet.ts";
import { writeSharedStringsWorkbook } from "./zip.test-support.ts";

const dir = mkdtempSync(join(tmpdir(), "tumbuh-xlsx-thread-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, limits: Partial<ImportLimits> = {}) {
  const out: Array<{ name: string; header: string[]; rows: SheetRow[] }> = [];
  for await (const sheet of readSheets(path, { ...IMPORT_LIMITS, ...limits })) {
    const rows: SheetRow[] = [];
    for await (const r of sheet.rows) rows.push(r);
    out.push({ name: sheet.name, header: sheet.header, rows });
  }
  return out;
}

it("reads a workbook on its thread, every sheet, also when it is named .csv", async () => {
  const path = join(dir, "workbook-named.csv");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("ANAK").addRows([
    ["Nama", "Tgl Lahir"],
    ["Ani", new Date(Date.UTC(2023, 4, 2))],
    [],
    ["Budi", "x"],
  ]);
  wb.addWorksheet("KOSONG");
  wb.addWorksheet("UKUR").addRows([
    ["Nama", "Berat"],
    ["Ani", 9.5],
  ]);
  await wb.xlsx.writeFile(path);
  expect(await readAll(path)).toEqual([
    {
      name: "ANAK",
      header: ["Nama", "Tgl Lahir"],
      rows: [
        { rowNo: 2, cells: ["Ani", new Date(Date.UTC(2023, 4, 2))] },
        { rowNo: 4, cells: ["Budi", "x"] },
      ],
    },
    { name: "KOSONG", header: [], rows: [] },
    { name: "UKUR", header: ["Nama", "Berat"], rows: [{ rowNo: 2, cells: ["Ani", 9.5] }] },
  ]);
  // A reader that skips a sheet still gets the next one.
  const names: string[] = [];
  for await (const sheet of readSheets(path)) names.push(sheet.name);
  expect(names).toEqual(["ANAK", "KOSONG", "UKUR"]);
});

it("refuses a part that unpacks a thousand times its size (a zip bomb) before reading it: 422", async () => {
  const path = join(dir, "bomb.xlsx");
  writeSharedStringsWorkbook(path, 2000, 5000);
  const err = await readAll(path).catch((e) => e);
  expect(err).toMatchObject({ status: 422, limit: "xlsxRatio" });
  expect(err.message).toMatch(
    /^Bagian xl\/sharedStrings\.xml berkas XLSX terurai [\d.]+ kali ukurannya, batasnya 100 kali/,
  );
});

it("refuses shared strings beyond their count or size, and a workbook beyond its unpacked size: 413", async () => {
  const path = join(dir, "many.xlsx");
  writeSharedStringsWorkbook(path, 5000, 12);
  await expect(readAll(path, { sharedStrings: 4000 })).rejects.toMatchObject({
    status: 413,
    limit: "sharedStrings",
    message: expect.stringContaining("The XLSX file holds 5,000 distinct texts, the limit is 4,000"),
    // the catalogue message crosses from the reading thread too
    userMessage: { key: "import.tooManySharedStrings", params: { found: 5000, max: 4000 } },
  });
  await expect(readAll(path, { sharedStringsBytes: 50_000 })).rejects.toMatchObject({
    status: 413,
    limit: "sharedStringsBytes",
  });
  await expect(readAll(path, { xlsxUnpackedBytes: 50_000 })).rejects.toMatchObject({
    status: 413,
    limit: "xlsxUnpackedBytes",
  });
  expect((await readAll(path))[0].header).toHaveLength(2);
});

it("a workbook that lies about its sizes and needs more memory stops its thread, not this one: 413", async () => {
  const path = join(dir, "liar.xlsx");
  writeSharedStringsWorkbook(path, 1_000_000, 40, { uniqueCount: 10, declaredSize: 1000 });
  const err = await readAll(path, { xlsxReaderHeapMb: 32 }).catch((e) => e);
  expect(err).toMatchObject({ status: 413, limit: "xlsxReaderHeapMb" });
  expect(err.message).toMatch(/^Membaca berkas XLSX ini memerlukan lebih dari 32 MB memori/);
  // This thread goes on: the same kind of file within its limits reads.
  const small = join(dir, "small.xlsx");
  writeSharedStringsWorkbook(small, 100, 40);
  expect((await readAll(small))[0].header).toHaveLength(2);
}, 180_000);
