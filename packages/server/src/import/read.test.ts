import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { readSheets, readXlsxSheets, type SheetRow, type WorksheetSource } from "./read.ts";

const dir = mkdtempSync(join(tmpdir(), "tumbuh-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readCsv(text: string): Promise<{ header: string[]; rows: SheetRow[] }> {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, text);
  for await (const sheet of readSheets(path)) {
    const rows: SheetRow[] = [];
    for await (const r of sheet.rows) rows.push(r);
    return { header: sheet.header, rows };
  }
  throw new Error("no sheet");
}

it("reads CSV records with quotes, doubled quotes, CRLF, line breaks inside quotes and a stray quote", async () => {
  const text = '\ufeffa,b,c\r\n1,"x, y",3\n"he said ""hi""",2,"multi\nline"\nSoka"an,5,6\n,,\n';
  const r = await readCsv(text);
  expect(r.header).toEqual(["a", "b", "c"]);
  expect(r.rows).toEqual([
    { rowNo: 2, cells: ["1", "x, y", "3"] },
    { rowNo: 3, cells: ['he said "hi"', "2", "multi\nline"] },
    { rowNo: 4, cells: ['Soka"an', "5", "6"] },
    { rowNo: 5, cells: ["", "", ""] },
  ]);
});

it("detects semicolons and reads a last line without a line break", async () => {
  const r = await readCsv("a;b\n1,5;2\n3;4");
  expect(r.header).toEqual(["a", "b"]);
  expect(r.rows.map((x) => x.cells)).toEqual([
    ["1,5", "2"],
    ["3", "4"],
  ]);
});

it("numbers rows the same across chunks of a large file (a quoted line break spans a chunk)", async () => {
  const lines = ["nama,catatan"];
  for (let i = 0; i < 200_000; i++) lines.push(i === 150_000 ? `anak${i},"baris\nkedua"` : `anak${i},ok`);
  const r = await readCsv(`${lines.join("\n")}\n`);
  expect(r.rows).toHaveLength(200_000);
  expect(r.rows[199_999]).toEqual({ rowNo: 200_001, cells: ["anak199999", "ok"] });
  expect(r.rows[150_000].cells).toEqual(["anak150000", "baris\nkedua"]);
});

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
