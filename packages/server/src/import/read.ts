/**
 * Streaming readers for the files districts exchange: CSV (comma or semicolon, detected from
 * the header line; UTF-8, or UTF-16 with or without its byte order mark) and XLSX (every sheet,
 * read on a thread of its own with a memory cap: xlsx-thread.ts). The format comes from the
 * file's content (file-kind.ts), not its name. Rows come out one at a time with the number a
 * user sees in a spreadsheet (header is row 1). Files beyond IMPORT_LIMITS are refused.
 */

import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { basename, extname } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { userMessage } from "@tumbuh/core";
import { CsvLines } from "../anthro-csv/csv-lines.ts";
import { ImportFileError } from "./errors.ts";
import { type FileKind, fileKind, type TextEncoding } from "./file-kind.ts";
import { IMPORT_LIMITS, ImportLimitError, type ImportLimits, lineTooLong, tooManyColumns } from "./limits.ts";
import { type Sheet, type SheetRow, sheetOf } from "./sheet.ts";
import { readXlsxInThread } from "./xlsx-thread.ts";

export type { Cell, Sheet, SheetRow } from "./sheet.ts";

/** Refuses a name that is not .csv, .txt or .xlsx. */
function checkName(path: string): void {
  const ext = extname(path).toLowerCase();
  if (ext !== ".csv" && ext !== ".txt" && ext !== ".xlsx")
    throw new ImportFileError(
      `file '${path}': expected a .csv or .xlsx file`,
      userMessage("import.fileType", { name: basename(path) }),
    );
}

/** Comma or semicolon, whichever occurs more often outside quotes in the first line. */
async function detectDelimiter(path: string, kind: CsvKind): Promise<"," | ";"> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, kind.bomBytes);
    const first = new TextDecoder(kind.encoding)
      .decode(buf.subarray(0, bytesRead))
      .split(/\r?\n/)[0]
      .replace(/"[^"]*"/g, "");
    const semis = first.split(";").length;
    const commas = first.split(",").length;
    return semis > commas ? ";" : ",";
  } finally {
    await fh.close();
  }
}

/**
 * The sheets of a file, in order; a CSV file is one sheet named after nothing (""). `limits`:
 * IMPORT_LIMITS unless a test lowers them.
 */
export async function* readSheets(path: string, limits: ImportLimits = IMPORT_LIMITS): AsyncGenerator<Sheet> {
  checkName(path);
  const kind = await fileKind(path);
  if (kind.kind === "xlsx") {
    yield* readXlsxInThread(path, limits);
    return;
  }
  yield await readCsvSheet(path, kind, limits);
}

type CsvKind = Extract<FileKind, { kind: "csv" }>;

/** The message for bytes that are not text in the file's encoding, with the line they are on. */
function notText(encoding: TextEncoding, chunk: Buffer, lineNo: number): ImportLimitError {
  const text = new TextDecoder(encoding).decode(chunk);
  const bad = text.indexOf("\uFFFD");
  let line = lineNo;
  for (let i = text.indexOf("\n"); i >= 0 && i < bad; i = text.indexOf("\n", i + 1)) line++;
  return new ImportLimitError(
    422,
    "encoding",
    `Berkas CSV tidak tersimpan sebagai ${encoding.toUpperCase()} (baris ${line.toLocaleString("id-ID")}): di Excel pilih Simpan Sebagai → "CSV UTF-8 (dipisahkan koma)". / ` +
      `The CSV file is not saved as ${encoding.toUpperCase()} (line ${line.toLocaleString("en-US")}): in Excel choose Save As → "CSV UTF-8 (Comma delimited)".`,
    userMessage("import.notEncoding", {
      encoding: encoding.toUpperCase(),
      line,
    }),
  );
}

/**
 * Decodes a file's chunks in turn (`undefined`: the end), giving undefined for bytes that are
 * not text in `encoding`. UTF-8 goes through StringDecoder, checked by isUtf8 (the strings it
 * makes are faster to tokenize than TextDecoder's: a 250,000-row file reads in about half the
 * time), with the bytes of a character cut by the chunk's end checked with the next chunk.
 */
function textDecoder(encoding: TextEncoding): (chunk: Buffer | undefined) => string | undefined {
  if (encoding !== "utf-8") {
    const d = new TextDecoder(encoding, { fatal: true });
    return (chunk) => {
      try {
        return chunk ? d.decode(chunk, { stream: true }) : d.decode();
      } catch {
        return undefined;
      }
    };
  }
  const d = new StringDecoder("utf8");
  let carry: Buffer | undefined;
  return (chunk) => {
    if (!chunk) return carry ? undefined : d.end();
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    // Back over a last character whose bytes go on in the next chunk.
    let end = buf.length;
    let i = end - 1;
    while (i >= 0 && end - i <= 3 && (buf[i] & 0xc0) === 0x80) i--;
    if (i >= 0 && buf[i] >= 0xc0 && end - i < (buf[i] >= 0xf0 ? 4 : buf[i] >= 0xe0 ? 3 : 2)) end = i;
    carry = end < buf.length ? Buffer.from(buf.subarray(end)) : undefined;
    if (!isUtf8(buf.subarray(0, end))) return undefined;
    return d.write(chunk);
  };
}

/**
 * Bytes of a CSV file read at a time (about 200 rows): a chunk's records live until its rows are
 * checked, and in 1 MiB chunks (3,000 rows) they outlived garbage collections: a 1,000,000-row
 * file promoted 370 MB to the old generation, in 64 KiB chunks 262 MB.
 */
export const CSV_CHUNK_BYTES = 1 << 16;

/**
 * Reads the CSV records of a file, a batch per chunk of text, with the shared tokenizer
 * (CsvLines). Bytes that are not text in the file's encoding, and lines beyond the limit, stop it.
 */
async function* csvRecords(
  path: string,
  kind: CsvKind,
  lines: CsvLines,
  maxLine: number,
): AsyncGenerator<string[][]> {
  let records: string[][] = [];
  const onRecord = (fields: string[]) => {
    // A line of only delimiters is kept (a row with empty cells); blank lines are skipped by CsvLines.
    records.push(fields.slice());
  };
  const decode = textDecoder(kind.encoding);
  let lineNo = 1;
  let lineChars = 0;
  const stream = createReadStream(path, { start: kind.bomBytes, highWaterMark: CSV_CHUNK_BYTES });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = decode(chunk);
    if (text === undefined) {
      stream.destroy();
      throw notText(kind.encoding, chunk, lineNo);
    }
    // The longest line so far (a native scan, no per-row work).
    for (let at = 0; ; ) {
      const nl = text.indexOf("\n", at);
      const end = nl < 0 ? text.length : nl;
      lineChars += end - at;
      if (lineChars > maxLine) {
        stream.destroy();
        throw lineTooLong(maxLine, lineChars, lineNo);
      }
      if (nl < 0) break;
      lineNo++;
      lineChars = 0;
      at = nl + 1;
    }
    lines.feed(text, false, onRecord);
    if (records.length) {
      yield records;
      records = [];
    }
  }
  const rest = decode(undefined);
  if (rest === undefined) throw notText(kind.encoding, Buffer.alloc(0), lineNo);
  lines.feed(rest, true, onRecord);
  if (records.length) yield records;
}

async function readCsvSheet(path: string, kind: CsvKind, limits: ImportLimits): Promise<Sheet> {
  const lines = new CsvLines(await detectDelimiter(path, kind));
  const it = csvRecords(path, kind, lines, limits.csvLineChars);
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
  if (header.length > limits.columns)
    throw tooManyColumns(limits.columns, header.length, "Baris judul / Header row");
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
