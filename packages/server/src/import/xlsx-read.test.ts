import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import type { SheetRow } from "./sheet.ts";
import { readXlsxSheets, type WorksheetSource } from "./xlsx-read.ts";

const dir = mkdtempSync(join(tmpdir(), "tumbuh-xlsx-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readXlsxSheets", () => {
  const workbook = async () => {
    const path = join(dir, "two.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("RECORDS").addRows([
      ["Nama", "Berat"],
      ["Ani", 9.5],
    ]);
    await wb.xlsx.writeFile(path);
    return path;
  };
  const read = async (path: string, source?: WorksheetSource) => {
    const out: Array<{ name: string; header: string[]; rows: SheetRow[] }> = [];
    for await (const sheet of readXlsxSheets(path, source)) {
      const rows: SheetRow[] = [];
      for await (const r of sheet.rows) rows.push(r);
      out.push({ name: sheet.name, header: sheet.header, rows });
    }
    return out;
  };
  /** exceljs' reader that fails `failures` times the way a lost workbook part makes it fail. */
  const flaky = (failures: number): WorksheetSource => {
    let calls = 0;
    return (path) => {
      if (++calls <= failures)
        return (async function* () {
          yield* [];
          throw new TypeError("Cannot read properties of undefined (reading 'sheets')");
        })();
      return new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: "emit", sharedStrings: "cache" });
    };
  };

  it("reads the sheets again when exceljs fails before giving one, up to three times", async () => {
    const path = await workbook();
    const expected = [
      { name: "RECORDS", header: ["Nama", "Berat"], rows: [{ rowNo: 2, cells: ["Ani", 9.5] }] },
    ];
    expect(await read(path)).toEqual(expected);
    expect(await read(path, flaky(2))).toEqual(expected);
    await expect(read(path, flaky(3))).rejects.toThrow(/reading 'sheets'/);
  });
});
