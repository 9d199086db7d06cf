/**
 * Streaming readers for the files districts exchange: CSV (comma or semicolon, detected from
 * the header line) and XLSX (every sheet, via exceljs' streaming reader). Rows come out one at
 * a time with the number a user sees in a spreadsheet (header is row 1).
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { extname } from "node:path";
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

/**
 * Splits CSV text into records: RFC 4180 quoting ("" inside quoted fields, line breaks inside
 * quotes), CRLF or LF, and a quote inside an unquoted field kept as a character. Returns the
 * complete records and the unfinished tail to prepend to the next chunk.
 */
export function splitCsv(
  text: string,
  delimiter: string,
  final: boolean,
): { records: string[][]; rest: string } {
  const records: string[][] = [];
  let pos = 0;
  const n = text.length;
  let quote = -1; // next quote at or after pos (-2: none left)
  while (pos < n) {
    const nl = text.indexOf("\n", pos);
    if (nl < 0 && !final) break;
    const end = nl < 0 ? n : nl;
    if (quote !== -2 && quote < pos) {
      quote = text.indexOf('"', pos);
      if (quote < 0) quote = -2;
    }
    if (quote === -2 || quote > end) {
      // Fast path: no quotes on this line.
      let line = text.slice(pos, end);
      if (line.endsWith("\r")) line = line.slice(0, -1);
      if (line !== "") records.push(line.split(delimiter));
      pos = end + 1;
      continue;
    }
    // Slow path: character by character from the start of the line.
    const fields: string[] = [];
    let field = "";
    let i = pos;
    let atFieldStart = true;
    let complete = false;
    while (i < n) {
      const c = text[i];
      if (atFieldStart && c === '"') {
        // Quoted field.
        let j = i + 1;
        let value = "";
        let closed = false;
        while (j < n) {
          const q = text.indexOf('"', j);
          if (q < 0) break;
          value += text.slice(j, q);
          if (text[q + 1] === '"') {
            value += '"';
            j = q + 2;
            continue;
          }
          j = q + 1;
          closed = true;
          break;
        }
        if (!closed) break; // needs more text
        field = value;
        i = j;
        atFieldStart = false;
        continue;
      }
      if (c === delimiter) {
        fields.push(field);
        field = "";
        atFieldStart = true;
        i++;
        continue;
      }
      if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        if (c === "\r" && i + 1 >= n && !final) break;
        fields.push(field);
        i++;
        complete = true;
        break;
      }
      field += c;
      atFieldStart = false;
      i++;
    }
    if (!complete) {
      if (!final) break;
      if (i >= n) {
        fields.push(field);
        complete = true;
      } else break;
    }
    if (!(fields.length === 1 && fields[0] === "")) records.push(fields);
    pos = i;
  }
  return { records, rest: text.slice(pos) };
}

async function* csvRecords(path: string, delimiter: string): AsyncGenerator<string[][]> {
  let rest = "";
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    let text = rest + (chunk as string);
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const r = splitCsv(text, delimiter, false);
    rest = r.rest;
    if (r.records.length) yield r.records;
  }
  if (rest) {
    const r = splitCsv(rest, delimiter, true);
    if (r.records.length) yield r.records;
  }
}

async function readCsvSheet(path: string): Promise<Sheet> {
  const delimiter = await detectDelimiter(path);
  const it = csvRecords(path, delimiter);
  let pending: string[][] = [];
  let at = 0;
  const next = async (): Promise<string[] | undefined> => {
    while (at >= pending.length) {
      const r = await it.next();
      if (r.done) return undefined;
      pending = r.value;
      at = 0;
    }
    return pending[at++];
  };
  const header = ((await next()) ?? []).map((h) => h.trim());
  async function* rows(): AsyncGenerator<SheetRow> {
    let rowNo = 1;
    for (;;) {
      const cells = await next();
      if (!cells) return;
      rowNo++;
      yield { rowNo, cells };
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
