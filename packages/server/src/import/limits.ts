/**
 * The limits every imported file is held to, in one place. A file beyond one is refused before
 * it can take the server's memory or hold the database for long, with a message naming the
 * limit and what was found (Bahasa Indonesia first, then English). Value limits of a row's
 * fields (weights, heights) are @tumbuh/core's ENTRY_LIMITS.
 */
import { type UserMessage, userMessage } from "@tumbuh/core";
import { ImportFileError } from "./errors.ts";

export const IMPORT_LIMITS = {
  /** Bytes of an uploaded file (the web upload; the multipart limit). */
  uploadBytes: 100 * 1024 * 1024,
  /** Data rows of a file, all sheets together. */
  rows: 2_000_000,
  /** Columns of a header row (and cells of a data row). */
  columns: 256,
  /** Characters of one CSV line. */
  csvLineChars: 64 * 1024,
  /** Bytes an XLSX file unpacks to, all its parts together. */
  xlsxUnpackedBytes: 2 * 1024 * 1024 * 1024,
  /** How many times larger than its compressed size a part of an XLSX may unpack (parts above 1 MB). */
  xlsxRatio: 100,
  /** Bytes of an XLSX file's shared strings part (xl/sharedStrings.xml), unpacked; held in memory while reading. */
  sharedStringsBytes: 256 * 1024 * 1024,
  /** Strings in the shared strings part. */
  sharedStrings: 2_000_000,
  /** Heap (MB) of the thread that reads an XLSX file: a file that needs more stops that thread only. */
  xlsxReaderHeapMb: 1024,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };

/** A file beyond one of IMPORT_LIMITS (413: too large) or one Tumbuh cannot decode (422). */
export class ImportLimitError extends ImportFileError {
  constructor(
    readonly status: 413 | 422,
    readonly limit: string,
    message: string,
    msg: UserMessage,
  ) {
    super(message, msg);
  }
}

const n = (x: number) => x.toLocaleString("id-ID");
const en = (x: number) => x.toLocaleString("en-US");
const mb = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString("en-US")} MB`;

/** The file has more data rows than allowed (`found`: rows read so far). */
export function tooManyRows(limit: number, found: number): ImportLimitError {
  return new ImportLimitError(
    413,
    "rows",
    `Berkas melebihi batas ${n(limit)} baris data (terbaca ${n(found)} baris); bagi menjadi beberapa berkas. / ` +
      `The file exceeds the limit of ${en(limit)} data rows (${en(found)} read); split it into several files.`,
    userMessage("import.tooManyRows", { max: limit, found }),
  );
}

/** A header or data row with more columns than allowed. */
export function tooManyColumns(limit: number, found: number, where: string): ImportLimitError {
  return new ImportLimitError(
    422,
    "columns",
    `${where}: ${n(found)} kolom, batasnya ${n(limit)} kolom. / ${where}: ${en(found)} columns, the limit is ${en(limit)}.`,
    userMessage("import.tooManyColumns", { where, found, max: limit }),
  );
}

/** A CSV line longer than allowed. */
export function lineTooLong(limit: number, found: number, lineNo: number): ImportLimitError {
  return new ImportLimitError(
    422,
    "csvLineChars",
    `Baris ${n(lineNo)} berkas CSV lebih panjang dari batas ${n(limit)} karakter (sedikitnya ${n(found)}); apakah ini berkas CSV? / ` +
      `Line ${en(lineNo)} of the CSV file is longer than the limit of ${en(limit)} characters (at least ${en(found)}); is this a CSV file?`,
    userMessage("import.lineTooLong", { line: lineNo, max: limit, found }),
  );
}

/** An XLSX file that unpacks to more than allowed, in all or in its shared strings. */
export function unpacksTooLarge(
  limitName: string,
  limit: number,
  found: number,
  part: string,
): ImportLimitError {
  return new ImportLimitError(
    413,
    limitName,
    `Berkas XLSX terurai menjadi ${mb(found)} (${part}), batasnya ${mb(limit)}; simpan sebagai CSV atau bagi berkasnya. / ` +
      `The XLSX file unpacks to ${mb(found)} (${part}), the limit is ${mb(limit)}; save it as CSV or split it.`,
    userMessage("import.unpacksTooLarge", { found: mb(found), part, max: mb(limit) }),
  );
}

/** An XLSX part compressed far more than a spreadsheet ever is (a zip bomb). */
export function ratioTooHigh(limit: number, found: number, part: string): ImportLimitError {
  return new ImportLimitError(
    422,
    "xlsxRatio",
    `Bagian ${part} berkas XLSX terurai ${n(Math.round(found))} kali ukurannya, batasnya ${n(limit)} kali: berkas ini bukan lembar kerja biasa. / ` +
      `Part ${part} of the XLSX file unpacks to ${en(Math.round(found))} times its size, the limit is ${en(limit)} times: this is not an ordinary workbook.`,
    userMessage("import.ratioTooHigh", { part, found: Math.round(found), max: limit }),
  );
}

/** An XLSX file with more shared strings than allowed. */
export function tooManySharedStrings(limit: number, found: number): ImportLimitError {
  return new ImportLimitError(
    413,
    "sharedStrings",
    `Berkas XLSX berisi ${n(found)} teks berbeda, batasnya ${n(limit)}; simpan sebagai CSV atau bagi berkasnya. / ` +
      `The XLSX file holds ${en(found)} distinct texts, the limit is ${en(limit)}; save it as CSV or split it.`,
    userMessage("import.tooManySharedStrings", { found, max: limit }),
  );
}

/** The XLSX reader ran out of the memory it is given. */
export function readerOutOfMemory(limitMb: number): ImportLimitError {
  return new ImportLimitError(
    413,
    "xlsxReaderHeapMb",
    `Membaca berkas XLSX ini memerlukan lebih dari ${n(limitMb)} MB memori; simpan sebagai CSV atau bagi berkasnya. / ` +
      `Reading this XLSX file needs more than ${en(limitMb)} MB of memory; save it as CSV or split it.`,
    userMessage("import.readerOutOfMemory", { max: limitMb }),
  );
}
