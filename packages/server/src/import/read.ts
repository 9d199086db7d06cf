/**
 * Streaming readers for the files districts exchange: CSV (comma or semicolon, detected from
 * the header line) and XLSX (every sheet, via exceljs' streaming reader). Rows come out one at
 * a time with the number a user sees in a spreadsheet (header is row 1).
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { extname } from "node:path";
import ExcelJS from "exceljs";
import { CsvLines } from "../anthro-csv/csv-lines.ts";

export type Cell = string | number | Date | null;

export interface SheetRow {
  rowNo: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  header: string[];
  /** The rows one at a time. */
  rows: AsyncIterable<SheetRow>;
  /** The same rows in batches (a chunk of the file each): read either `rows` or `chunks`. */
  chunks: AsyncIterable<SheetRow[]>;
  /**
   * Tells the reader which columns will be read: cells of other columns may come empty from
   * then on (a CSV reader then makes no strings for them). With `shared`, a row whose first
   * `shared` cells are written as in the row before may get that row's very strings for them
   * (CsvLines.select). Optional to call.
   */
  select(columns: readonly number[], shared?: number): void;
}

/** The file's format from its name: csv or xlsx; anything else is an error naming what is accepted. */
function fileFormat(path: string): "csv" | "xlsx" {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".txt") return "csv";
  if (ext === ".xlsx") return "xlsx";
  throw new Error(`file '${path}': expected a .csv or .xlsx file`);
}

/** Comma or semicolon, whichever occurs more often outside quotes in the first line. */
async function detectDelimiter(path: string): Promise<"," | ";"> {
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

/** Reads the CSV records of a file, a batch per chunk of text, with the shared tokenizer (CsvLines). */
async function* csvRecords(path: string, lines: CsvLines): AsyncGenerator<string[][]> {
  let records: string[][] = [];
  const onRecord = (fields: string[]) => {
    // A line of only delimiters is kept (a row with empty cells); blank lines are skipped by CsvLines.
    records.push(fields.slice());
  };
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    let text = chunk as string;
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    lines.feed(text, false, onRecord);
    if (records.length) {
      yield records;
      records = [];
    }
  }
  lines.feed("", true, onRecord);
  if (records.length) yield records;
}

async function readCsvSheet(path: string): Promise<Sheet> {
  const lines = new CsvLines(await detectDelimiter(path));
  const it = csvRecords(path, lines);
  let pending: string[][] = [];
  let at = 0;
  // The header is the first record; the records after it in the same batch start the rows.
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    if (r.value.length) {
      pending = r.value;
      break;
    }
  }
  const header = (pending[0] ?? []).map((h) => h.trim());
  at = pending.length ? 1 : 0;
  async function* chunks(): AsyncGenerator<SheetRow[]> {
    let rowNo = 1;
    const toRows = (records: string[][], from: number) => {
      const out: SheetRow[] = new Array(records.length - from);
      for (let i = from; i < records.length; i++) out[i - from] = { rowNo: ++rowNo, cells: records[i] };
      return out;
    };
    if (at < pending.length) yield toRows(pending, at);
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield toRows(r.value, 0);
    }
  }
  return sheetOf("", header, chunks(), (columns, shared) => lines.select(columns, shared));
}

/** A sheet whose rows can be read one by one or a batch at a time (not both). */
function sheetOf(
  name: string,
  header: string[],
  chunks: AsyncIterable<SheetRow[]>,
  select: (columns: readonly number[], shared?: number) => void = () => {},
): Sheet {
  async function* rows(): AsyncGenerator<SheetRow> {
    for await (const batch of chunks) yield* batch;
  }
  return { name, header, chunks, rows: rows(), select };
}

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
