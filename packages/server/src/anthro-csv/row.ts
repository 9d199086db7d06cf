/**
 * Reads CSV rows into the columns of the WHO growth engine's batch API, collecting a readable error for
 * each bad cell. Built once per header, so reading a row allocates nothing but its error messages.
 */
import { daysBetween, parseDate, parseDecimal, parseMeasure, parseOedema, parseSex } from "@tumbuh/core";
import type { AnthroBatchInput } from "@tumbuh/growth";
import { type ColumnMap, FIELD_ALIASES, type InputField } from "./columns.ts";

export type AgeUnit = "days" | "months";

/** Every column of the batch input, allocated for `capacity` rows. */
export type FullBatchInput = Required<AnthroBatchInput>;

/** Allocates batch input columns for `capacity` rows. */
export function createBatchInput(capacity: number): FullBatchInput {
  const f = () => new Float64Array(capacity);
  return {
    sex: new Uint8Array(capacity),
    ageDays: f(),
    ageMonths: f(),
    weight: f(),
    lenhei: f(),
    measure: new Uint8Array(capacity),
    oedema: new Uint8Array(capacity),
    headc: f(),
    armc: f(),
    triskin: f(),
    subskin: f(),
  };
}

/** Exact powers of ten: an integer mantissa below 2^53 divided by one is correctly rounded, as parsing is. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * Parses a plain decimal ("85.5", "85,5", "-1") quickly and exactly as Number() would (the digits form an
 * integer below 2^53, divided by an exact power of ten); NaN when the cell needs the full parser.
 */
export function plainNumber(cell: string): number {
  const n = cell.length;
  let i = 0;
  let negative = false;
  if (n > 1 && cell.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let mantissa = 0;
  let decimals = -1;
  let digits = 0;
  for (; i < n; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if ((c === 46 || c === 44) && decimals < 0 && digits > 0) {
      decimals = 0;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15 || decimals === 0) return Number.NaN;
  const v = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return negative ? -v : v;
}

/**
 * Reads rows of one CSV layout: numbers with decimal point or comma, sex in any accepted coding, age from
 * the age column (in `ageUnit`) or, when absent or empty, from the birth and measurement dates.
 * Measurements ≤ 0 are missing, as the WHO method requires.
 */
export class RowReader {
  /** Column index of each field (−1 when absent): plain properties, so reading a row stays monomorphic. */
  private readonly iSex: number;
  private readonly iAge: number;
  private readonly iBirth: number;
  private readonly iMeasured: number;
  private readonly iWeight: number;
  private readonly iLenhei: number;
  private readonly iMeasure: number;
  private readonly iOedema: number;
  private readonly iHeadc: number;
  private readonly iArmc: number;
  private readonly iTriskin: number;
  private readonly iSubskin: number;
  /** Problems of the row being read; allocated only when a row has one. */
  private errors: string[] | undefined;

  constructor(
    private readonly header: readonly string[],
    private readonly map: ColumnMap,
    private readonly ageUnit: AgeUnit,
  ) {
    const at = (f: InputField) => map[f] ?? -1;
    this.iSex = at("sex");
    this.iAge = at("age");
    this.iBirth = at("birthDate");
    this.iMeasured = at("measureDate");
    this.iWeight = at("weight");
    this.iLenhei = at("lenhei");
    this.iMeasure = at("measure");
    this.iOedema = at("oedema");
    this.iHeadc = at("headc");
    this.iArmc = at("armc");
    this.iTriskin = at("triskin");
    this.iSubskin = at("subskin");
  }

  private fail(f: InputField, message: string): void {
    const i = this.map[f];
    const line = `field "${i === undefined ? FIELD_ALIASES[f][0] : this.header[i]}": ${message}`;
    if (this.errors) this.errors.push(line);
    else this.errors = [line];
  }

  /** The trimmed cell at column `i` ("" when the column is absent or the row is short). */
  private cell(cells: readonly string[], i: number): string {
    if (i < 0 || i >= cells.length) return "";
    const c = cells[i];
    const n = c.length;
    return n > 0 && c.charCodeAt(0) > 32 && c.charCodeAt(n - 1) > 32 ? c : c.trim();
  }

  private number(cells: readonly string[], i: number, f: InputField): number {
    const c = this.cell(cells, i);
    if (c === "") return Number.NaN;
    const v = plainNumber(c);
    if (!Number.isNaN(v)) return v;
    const r = parseDecimal(c);
    if (!r.ok) {
      this.fail(f, r.error);
      return Number.NaN;
    }
    return r.value ?? Number.NaN;
  }

  /** A measurement: missing when absent, unreadable or ≤ 0 (the WHO method's rule). */
  private measurement(cells: readonly string[], i: number, f: InputField): number {
    if (i < 0) return Number.NaN;
    const v = this.number(cells, i, f);
    return v > 0 ? v : Number.NaN;
  }

  private sex(cells: readonly string[]): number {
    const c = this.cell(cells, this.iSex);
    if (c === "1") return 1;
    if (c === "2") return 2;
    const sex = parseSex(c);
    if (!sex.ok) this.fail("sex", sex.error);
    else if (sex.value === undefined) this.fail("sex", "empty, expected 1/2, m/f or L/P");
    return sex.ok && sex.value ? sex.value : 0;
  }

  private measure(cells: readonly string[]): number {
    const c = this.cell(cells, this.iMeasure);
    if (c === "") return 0;
    if (c === "l") return 1;
    if (c === "h") return 2;
    const m = parseMeasure(c);
    if (!m.ok) this.fail("measure", m.error);
    return m.ok && m.value ? (m.value === "l" ? 1 : 2) : 0;
  }

  private oedema(cells: readonly string[]): number {
    const c = this.cell(cells, this.iOedema);
    if (c === "" || c === "n") return 0;
    if (c === "y") return 1;
    const o = parseOedema(c);
    if (!o.ok) this.fail("oedema", o.error);
    return o.ok && o.value ? 1 : 0;
  }

  /**
   * Writes row `cells` into position `i` of `batch`; returns the problems that stop the row from being
   * scored (and then leaves it with sex 0, which the engine scores as nothing), or undefined.
   */
  read(cells: readonly string[], batch: FullBatchInput, i: number): string[] | undefined {
    this.errors = undefined;
    batch.sex[i] = this.sex(cells);
    batch.weight[i] = this.measurement(cells, this.iWeight, "weight");
    batch.lenhei[i] = this.measurement(cells, this.iLenhei, "lenhei");
    batch.headc[i] = this.measurement(cells, this.iHeadc, "headc");
    batch.armc[i] = this.measurement(cells, this.iArmc, "armc");
    batch.triskin[i] = this.measurement(cells, this.iTriskin, "triskin");
    batch.subskin[i] = this.measurement(cells, this.iSubskin, "subskin");

    batch.ageDays[i] = Number.NaN;
    batch.ageMonths[i] = Number.NaN;
    let age = this.iAge < 0 ? Number.NaN : this.number(cells, this.iAge, "age");
    const fromAgeColumn = !Number.isNaN(age);
    if (!fromAgeColumn && (this.iBirth >= 0 || this.iMeasured >= 0)) age = this.ageFromDates(cells);
    if (age < 0) {
      if (fromAgeColumn) this.fail("age", `found ${age}, expected an age of 0 or more`);
      else this.fail("measureDate", "the measurement date is before the birth date");
    } else if (fromAgeColumn && this.ageUnit === "months") {
      // anthro compares an age given in months with 9 and 60 months before converting it to days.
      batch.ageMonths[i] = age;
    } else {
      batch.ageDays[i] = age;
    }
    batch.measure[i] = this.measure(cells);
    batch.oedema[i] = this.oedema(cells);

    if (this.errors === undefined) return undefined;
    batch.sex[i] = 0;
    return this.errors;
  }

  private ageFromDates(cells: readonly string[]): number {
    const birth = parseDate(this.cell(cells, this.iBirth));
    const measured = parseDate(this.cell(cells, this.iMeasured));
    if (!birth.ok) this.fail("birthDate", birth.error);
    if (!measured.ok) this.fail("measureDate", measured.error);
    if (birth.ok && measured.ok && birth.value && measured.value)
      return daysBetween(birth.value, measured.value);
    return Number.NaN;
  }
}
