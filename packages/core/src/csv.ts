/**
 * The one CSV writer of every export (server and web): RFC 4180 quoting, a UTF-8 byte-order mark so
 * spreadsheets read Indonesian names, CRLF line ends, and cells a spreadsheet would run as a
 * formula neutralised. Two dialects: plain (comma, decimal point) and the one Excel expects with
 * Indonesian regional settings (semicolon, decimal comma).
 */

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvDialect {
  separator: "," | ";";
  /** Write numbers with a decimal comma (85,5) instead of a point. */
  decimalComma: boolean;
}

/** Comma-separated, decimal point: what programs and most tools read. */
export const CSV_PLAIN: CsvDialect = { separator: ",", decimalComma: false };
/** Semicolon-separated, decimal comma: what Excel set to Indonesian opens as columns. */
export const CSV_EXCEL_ID: CsvDialect = { separator: ";", decimalComma: true };

/** A number as written in a cell: digits, an optional decimal part and exponent, nothing else. */
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;
/** First characters that make a spreadsheet read a cell as a formula (or split it into one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe for spreadsheets: one starting with `= + - @`, a tab or a carriage return
 * gets a leading apostrophe, unless the whole cell is a plain number (`-2.5` stays as it is).
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One cell of a CSV line in the dialect: empty for null, quoted when it must be. */
export function csvCell(value: CsvCell, dialect: CsvDialect = CSV_PLAIN): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    const s = String(value);
    return dialect.decimalComma ? s.replace(".", ",") : s;
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  const safe = neutralizeFormula(value);
  const quote =
    safe.includes(dialect.separator) ||
    safe.includes('"') ||
    safe.includes("\n") ||
    safe.includes("\r") ||
    /^\s|\s$/.test(safe);
  return quote ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV file: a byte-order mark, the header line, then one line per row, CRLF-ended. */
export function toCsv(
  headers: readonly string[],
  rows: readonly CsvCell[][],
  dialect: CsvDialect = CSV_PLAIN,
): string {
  const line = (cells: readonly CsvCell[]) => cells.map((c) => csvCell(c, dialect)).join(dialect.separator);
  return `\uFEFF${[line(headers), ...rows.map(line)].join("\r\n")}\r\n`;
}
