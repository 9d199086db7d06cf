/**
 * The sheets of an XLSX file through exceljs' streaming reader, in this thread. The import reads
 * workbooks on a thread of its own (xlsx-thread.ts), which runs this.
 */
import ExcelJS from "exceljs";
import { type Cell, type Sheet, type SheetRow, sheetOf } from "./sheet.ts";

/** Plain value of an exceljs cell value: rich text, formulas, hyperlinks and errors flattened. */
function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || v instanceof Date) return v;
  if (typeof v === "boolean") return v ? "1" : "0";
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join("");
    if ("result" in o) return cellValue(o.result);
    if (typeof o.text === "string") return o.text;
    if (o.error) return null;
  }
  return String(v);
}

/** The worksheets of an XLSX file as exceljs' streaming reader gives them. */
export type WorksheetSource = (path: string) => AsyncIterable<unknown>;

const exceljsWorksheets: WorksheetSource = (path) =>
  new ExcelJS.stream.xlsx.WorkbookReader(path, {
    entries: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
  });

/**
 * The sheets of an XLSX file. exceljs' streaming reader (over unzipper) at times loses the last
 * entries of the zip when the process is busy, then fails with a TypeError on the workbook part
 * it did not see, before giving any sheet; such a file is read again (up to three times).
 */
export async function* readXlsxSheets(
  path: string,
  source: WorksheetSource = exceljsWorksheets,
): AsyncGenerator<Sheet> {
  for (let attempt = 1; ; attempt++) {
    let gave = false;
    try {
      for await (const sheet of xlsxSheetsOnce(path, source)) {
        gave = true;
        yield sheet;
      }
      return;
    } catch (err) {
      if (gave || attempt >= 3 || !(err instanceof TypeError)) throw err;
    }
  }
}

async function* xlsxSheetsOnce(path: string, source: WorksheetSource): AsyncGenerator<Sheet> {
  for await (const ws of source(path)) {
    const worksheet = ws as unknown as AsyncIterable<{ number: number; values: unknown[] }> & {
      name: string;
    };
    const it = worksheet[Symbol.asyncIterator]();
    let header: string[] = [];
    // The header is the first non-empty row.
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      const cells = r.value.values.slice(1).map(cellValue);
      if (cells.some((c) => c !== null && String(c).trim() !== "")) {
        header = cells.map((c) => (c === null ? "" : String(c).trim()));
        break;
      }
    }
    async function* chunks(): AsyncGenerator<SheetRow[]> {
      let batch: SheetRow[] = [];
      for (;;) {
        const r = await it.next();
        if (r.done) break;
        const cells = r.value.values.slice(1).map(cellValue);
        if (cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""))) continue;
        batch.push({ rowNo: r.value.number, cells });
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
    const sheet = sheetOf(worksheet.name, header, chunks());
    yield sheet;
    // Drain what the caller did not read so the reader can move to the next sheet.
    for await (const _ of sheet.chunks) {
    }
  }
}
