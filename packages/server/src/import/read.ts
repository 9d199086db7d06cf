/**
 * Streaming readers for the files districts exchange: CSV (comma or semicolon, detected from
 * the header line) and XLSX (every sheet, via exceljs' streaming reader). Rows come out one at
 * a time with the number a user sees in a spreadsheet (header is row 1).
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { extname } from "node:path";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";

export type Cell = string | number | Date | null;

export interface SheetRow {
  rowNo: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  header: string[];
  rows: AsyncIterable<SheetRow>;
}

/** The file's format from its name: csv or xlsx; anything else is an error naming what is accepted. */
export function fileFormat(path: string): "csv" | "xlsx" {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".txt") return "csv";
  if (ext === ".xlsx") return "xlsx";
  throw new Error(`file '${path}': expected a .csv or .xlsx file`);
}

/** Comma or semicolon, whichever occurs more often outside quotes in the first line. */
export async function detectDelimiter(path: string): Promise<"," | ";"> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const first = buf
      .subarray(0, bytesRead)
      .toString("utf8")
      .split(/\r?\n/)[0]
      .replace(/"[^"]*"/g, "");
    const semis = first.split(";").length;
    const commas = first.split(",").length;
    return semis > commas ? ";" : ",";
  } finally {
    await fh.close();
  }
}

/** The sheets of a file, in order; a CSV file is one sheet named after nothing (""). */
export async function* readSheets(path: string): AsyncGenerator<Sheet> {
  if (fileFormat(path) === "csv") {
    yield await readCsvSheet(path);
    return;
  }
  yield* readXlsxSheets(path);
}

async function readCsvSheet(path: string): Promise<Sheet> {
  const delimiter = await detectDelimiter(path);
  const parser = createReadStream(path).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }),
  );
  const it = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await it.next();
  const header = first.done ? [] : first.value.map((h) => h.trim());
  async function* rows(): AsyncGenerator<SheetRow> {
    let rowNo = 1;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      rowNo++;
      yield { rowNo, cells: r.value };
    }
  }
  return { name: "", header, rows: rows() };
}

/** Plain value of an exceljs cell value: rich text, formulas, hyperlinks and errors flattened. */
export function cellValue(v: unknown): Cell {
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

async function* readXlsxSheets(path: string): AsyncGenerator<Sheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    entries: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
  });
  for await (const ws of reader) {
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
    async function* rows(): AsyncGenerator<SheetRow> {
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        const cells = r.value.values.slice(1).map(cellValue);
        if (cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""))) continue;
        yield { rowNo: r.value.number, cells };
      }
    }
    const sheet: Sheet = { name: worksheet.name, header, rows: rows() };
    yield sheet;
    // Drain what the caller did not read so the reader can move to the next sheet.
    for await (const _ of sheet.rows) {
    }
  }
}
