/**
 * Cell parsers for the files districts exchange (anthro-style CSVs, e-PPGBM exports): numbers with
 * decimal commas, dates in the forms Indonesian tools write, sex and measuring position in Indonesian
 * or WHO coding. Each returns a value (undefined for an empty cell) or an error a user can act on.
 */

import type { MeasurePosition, Sex } from "@tumbuh/growth";

/** The message code (messages.ts) of a cell that does not parse. */
export type ParseCode =
  | "row.notNumber"
  | "row.notDate"
  | "row.notCalendarDate"
  | "row.notSex"
  | "row.notMeasure"
  | "row.notOedema";

/** A cell that does not parse: the English text, its message code and the cell as found. */
export interface ParseFailure {
  ok: false;
  error: string;
  code: ParseCode;
  found: string;
}

/** Outcome of parsing one cell: an empty cell is `{ ok: true, value: undefined }`. */
export type Parsed<T> = { ok: true; value: T | undefined } | ParseFailure;

const EMPTY: Parsed<never> = { ok: true, value: undefined };

function fail(found: string, expected: string, code: ParseCode): ParseFailure {
  return { ok: false, error: `found "${found}", expected ${expected}`, code, found };
}

/** True for cells that mean "no value": empty, blanks, "-", "NA", "null". */
export function isBlank(cell: string): boolean {
  const t = cell.trim();
  return t === "" || t === "-" || t === "NA" || t === "na" || t === "null" || t === "NULL";
}

const NUMBER_EXPECTED = "a number such as 85.5 or 85,5";

/**
 * Parses a decimal number written with a point or a comma ("85,5", "85.5", "1.234,5", "1,234.5").
 * When both separators occur, the last one is the decimal separator.
 */
export function parseDecimal(cell: string | number | null | undefined): Parsed<number> {
  if (cell === null || cell === undefined) return EMPTY;
  if (typeof cell === "number")
    return Number.isFinite(cell)
      ? { ok: true, value: cell }
      : fail(String(cell), NUMBER_EXPECTED, "row.notNumber");
  if (isBlank(cell)) return EMPTY;
  let t = cell.trim();
  const comma = t.lastIndexOf(",");
  if (comma >= 0) {
    const point = t.lastIndexOf(".");
    t = comma > point ? t.replace(/\./g, "").replace(",", ".") : t.replace(/,/g, "");
  }
  // Number("") and Number(" ") are 0; reject anything that is not a plain decimal literal.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t))
    return fail(cell.trim(), NUMBER_EXPECTED, "row.notNumber");
  return { ok: true, value: Number(t) };
}

const DATE_EXPECTED = "a date as dd/mm/yyyy, dd-mm-yyyy or yyyy-mm-dd";
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug is absorbed by starting a day early). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return undefined; // 31/02 and the like
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Converts an Excel date serial (days since 1899-12-30; fractions are the time of day) to an ISO date. */
export function excelSerialToIsoDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 109_574) return undefined; // up to 2199-12-31
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Parses a calendar date to ISO `yyyy-mm-dd`: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, ISO (with an optional
 * time), a JavaScript Date (spreadsheet date cell, read as its UTC calendar day) or an Excel serial number.
 */
export function parseDate(cell: string | number | Date | null | undefined): Parsed<string> {
  if (cell === null || cell === undefined) return EMPTY;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail("invalid date", DATE_EXPECTED, "row.notDate");
    return { ok: true, value: cell.toISOString().slice(0, 10) };
  }
  if (typeof cell === "number") {
    const iso = excelSerialToIsoDate(cell);
    return iso ? { ok: true, value: iso } : fail(String(cell), DATE_EXPECTED, "row.notDate");
  }
  if (isBlank(cell)) return EMPTY;
  const t = cell.trim();
  let m = DMY.exec(t);
  if (m) {
    const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    return iso
      ? { ok: true, value: iso }
      : fail(t, `${DATE_EXPECTED} that exists in the calendar`, "row.notCalendarDate");
  }
  m = YMD.exec(t);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso
      ? { ok: true, value: iso }
      : fail(t, `${DATE_EXPECTED} that exists in the calendar`, "row.notCalendarDate");
  }
  if (/^\d{4,6}(\.\d+)?$/.test(t)) {
    const iso = excelSerialToIsoDate(Number(t));
    if (iso) return { ok: true, value: iso };
  }
  return fail(t, DATE_EXPECTED, "row.notDate");
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}

const SEX_CODES: Record<string, Sex> = {
  "1": 1,
  m: 1,
  male: 1,
  l: 1,
  "laki-laki": 1,
  "laki laki": 1,
  lakilaki: 1,
  "2": 2,
  f: 2,
  female: 2,
  p: 2,
  perempuan: 2,
  w: 2,
  wanita: 2,
};

/** Parses sex as WHO anthro codes it (1/2, m/f) or as Indonesian files write it (L/P, laki-laki/perempuan). */
export function parseSex(cell: string | number | null | undefined): Parsed<Sex> {
  if (cell === null || cell === undefined) return EMPTY;
  const t = String(cell).trim().toLowerCase();
  if (isBlank(t)) return EMPTY;
  const sex = Object.hasOwn(SEX_CODES, t) ? SEX_CODES[t] : undefined;
  return sex
    ? { ok: true, value: sex }
    : fail(String(cell).trim(), "1/2, m/f or L/P (laki-laki/perempuan)", "row.notSex");
}

const MEASURE_CODES = new Map<string, MeasurePosition>(
  Object.entries({
    l: "l",
    lying: "l",
    recumbent: "l",
    length: "l",
    telentang: "l",
    terlentang: "l",
    berbaring: "l",
    pb: "l",
    h: "h",
    standing: "h",
    height: "h",
    berdiri: "h",
    tb: "h",
  } as const),
);
/** The cells e-PPGBM exports write most ("Telentang", "Berdiri"), found without trimming or case folding. */
for (const [k, v] of [...MEASURE_CODES]) {
  MEASURE_CODES.set(k.toUpperCase(), v);
  MEASURE_CODES.set(k[0].toUpperCase() + k.slice(1), v);
}
/** One result object per position: a measurement cell is parsed on every row of a file. */
const MEASURED: Record<MeasurePosition, Parsed<MeasurePosition>> = {
  l: { ok: true, value: "l" },
  h: { ok: true, value: "h" },
};

/** Parses the measuring position: l/h as anthro codes it, telentang/berdiri as Indonesian files write it. */
export function parseMeasure(cell: string | null | undefined): Parsed<MeasurePosition> {
  if (cell === null || cell === undefined) return EMPTY;
  const exact = MEASURE_CODES.get(cell);
  if (exact) return MEASURED[exact];
  if (isBlank(cell)) return EMPTY;
  const m = MEASURE_CODES.get(cell.trim().toLowerCase());
  return m ? MEASURED[m] : fail(cell.trim(), "l/h or telentang/berdiri", "row.notMeasure");
}

const OEDEMA_CODES: Record<string, boolean> = {
  y: true,
  yes: true,
  ya: true,
  "1": true,
  true: true,
  n: false,
  no: false,
  tidak: false,
  t: false,
  "0": false,
  false: false,
};

/** Parses bilateral pitting oedema: y/n as anthro codes it, ya/tidak in Indonesian. */
export function parseOedema(cell: string | null | undefined): Parsed<boolean> {
  if (cell === null || cell === undefined || isBlank(cell)) return EMPTY;
  const key = cell.trim().toLowerCase();
  const v = Object.hasOwn(OEDEMA_CODES, key) ? OEDEMA_CODES[key] : undefined;
  return v === undefined ? fail(cell.trim(), "y/n or ya/tidak", "row.notOedema") : { ok: true, value: v };
}

/**
 * Normalises a column header for matching: lower case, accents removed, every character that is not a
 * letter or digit dropped ("Tgl. Lahir" and "tgl_lahir" both become "tgllahir").
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
