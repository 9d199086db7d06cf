/**
 * Reads CSV rows into the columns of the WHO growth engine's batch API, collecting a readable error for
 * each bad cell. Built once per header, so reading a row allocates nothing but its error messages.
 */
import { daysBetween, parseDate, parseDecimal, parseMeasure, parseOedema, parseSex } from "@tumbuh/core";
import type { AnthroBatchInput } from "@tumbuh/growth";
import { type ColumnMap, FIELD_ALIASES, type InputField } from "./columns.ts";

export type AgeUnit = "days" | "months";

const MEASUREMENT_FIELDS = ["weight", "lenhei", "headc", "armc", "triskin", "subskin"] as const;
type MeasurementField = (typeof MEASUREMENT_FIELDS)[number];

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

/** Parses a plain decimal ("85.5", "85,5", "-1") quickly; NaN when the cell needs the full parser. */
function plainNumber(cell: string): number {
  let comma = -1;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c === 46 || c === 44) && comma < 0 && i > 0) {
      if (c === 44) comma = i;
      else comma = -2;
      continue;
    }
    if (c === 45 && i === 0 && cell.length > 1) continue;
    return Number.NaN;
  }
  return comma >= 0 ? Number(`${cell.slice(0, comma)}.${cell.slice(comma + 1)}`) : Number(cell);
}

/**
 * Reads rows of one CSV layout: numbers with decimal point or comma, sex in any accepted coding, age from
 * the age column (in `ageUnit`) or, when absent or empty, from the birth and measurement dates.
 * Measurements ≤ 0 are missing, as the WHO method requires.
 */
export class RowReader {
  private readonly cols: Record<InputField, number>;
  /** Problems of the row being read; allocated only when a row has one. */
  private errors: string[] | undefined;

  constructor(
    private readonly header: readonly string[],
    map: ColumnMap,
    private readonly ageUnit: AgeUnit,
  ) {
    const cols = {} as Record<InputField, number>;
    for (const f of Object.keys(FIELD_ALIASES) as InputField[]) cols[f] = map[f] ?? -1;
    this.cols = cols;
  }

  private name(f: InputField): string {
    const i = this.cols[f];
    return i < 0 ? FIELD_ALIASES[f][0] : this.header[i];
  }

  private fail(f: InputField, message: string): void {
    const line = `field "${this.name(f)}": ${message}`;
    if (this.errors) this.errors.push(line);
    else this.errors = [line];
  }

  private cell(cells: readonly string[], f: InputField): string {
    const i = this.cols[f];
    return i < 0 || i >= cells.length ? "" : cells[i].trim();
  }

  private number(cells: readonly string[], f: InputField): number {
    const c = this.cell(cells, f);
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

  private sex(cells: readonly string[]): number {
    const c = this.cell(cells, "sex");
    if (c === "1") return 1;
    if (c === "2") return 2;
    const sex = parseSex(c);
    if (!sex.ok) this.fail("sex", sex.error);
    else if (sex.value === undefined) this.fail("sex", "empty, expected 1/2, m/f or L/P");
    return sex.ok && sex.value ? sex.value : 0;
  }

  private measure(cells: readonly string[]): number {
    const c = this.cell(cells, "measure");
    if (c === "") return 0;
    if (c === "l") return 1;
    if (c === "h") return 2;
    const m = parseMeasure(c);
    if (!m.ok) this.fail("measure", m.error);
    return m.ok && m.value ? (m.value === "l" ? 1 : 2) : 0;
  }

  private oedema(cells: readonly string[]): number {
    const c = this.cell(cells, "oedema");
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
    for (const f of MEASUREMENT_FIELDS) {
      const v = this.number(cells, f);
      batch[f as MeasurementField][i] = v > 0 ? v : Number.NaN;
    }

    batch.ageDays[i] = Number.NaN;
    batch.ageMonths[i] = Number.NaN;
    let age = this.number(cells, "age");
    const fromAgeColumn = !Number.isNaN(age);
    if (!fromAgeColumn && (this.cols.birthDate >= 0 || this.cols.measureDate >= 0)) {
      age = this.ageFromDates(cells);
    }
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
    const birth = parseDate(this.cell(cells, "birthDate"));
    const measured = parseDate(this.cell(cells, "measureDate"));
    if (!birth.ok) this.fail("birthDate", birth.error);
    if (!measured.ok) this.fail("measureDate", measured.error);
    if (birth.ok && measured.ok && birth.value && measured.value)
      return daysBetween(birth.value, measured.value);
    return Number.NaN;
  }
}
