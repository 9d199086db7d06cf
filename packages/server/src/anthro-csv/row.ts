/** Turns one CSV row into the WHO anthro input, collecting a readable error for each bad cell. */
import { daysBetween, parseDate, parseDecimal, parseMeasure, parseOedema, parseSex } from "@tumbuh/core";
import type { AnthroInput } from "@tumbuh/growth";
import { type ColumnMap, FIELD_ALIASES, type InputField } from "./columns.ts";

export type AgeUnit = "days" | "months";

/** A row read for scoring: the anthro input, or the problems that stop it from being scored. */
export type RowReading = { ok: true; input: AnthroInput } | { ok: false; errors: string[] };

const NUMERIC_FIELDS = ["weight", "lenhei", "headc", "armc", "triskin", "subskin"] as const;

/** Fast path for the common case: a plain decimal with a point; everything else goes to parseDecimal. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Reads a row's cells: numbers with decimal point or comma, sex in any accepted coding, age from the age
 * column (in `ageUnit`) or, when absent or empty, from the birth and measurement dates. Measurements ≤ 0
 * are treated as missing, as the WHO method requires.
 */
export function readRow(
  cells: readonly string[],
  map: ColumnMap,
  ageUnit: AgeUnit,
  header: readonly string[],
): RowReading {
  const errors: string[] = [];
  const cell = (f: InputField): string | undefined => {
    const i = map[f];
    return i === undefined ? undefined : cells[i];
  };
  const columnName = (f: InputField): string => {
    const i = map[f];
    return i === undefined ? FIELD_ALIASES[f][0] : header[i];
  };
  const num = (f: InputField): number | undefined => {
    const c = cell(f);
    if (c === undefined || c === "") return undefined;
    if (PLAIN_NUMBER.test(c)) return Number(c);
    const r = parseDecimal(c);
    if (!r.ok) {
      errors.push(`field "${columnName(f)}": ${r.error}`);
      return undefined;
    }
    return r.value;
  };

  const sexCell = cell("sex");
  const sex = parseSex(sexCell);
  if (!sex.ok) errors.push(`field "${columnName("sex")}": ${sex.error}`);
  else if (sex.value === undefined)
    errors.push(`field "${columnName("sex")}": empty, expected 1/2, m/f or L/P`);

  const input: AnthroInput = { sex: sex.ok && sex.value ? sex.value : 1 };
  for (const f of NUMERIC_FIELDS) {
    const v = num(f);
    if (v !== undefined && v > 0) input[f] = v;
  }

  let age = num("age");
  const ageInMonths = age !== undefined && ageUnit === "months";
  if (age === undefined && (map.birthDate !== undefined || map.measureDate !== undefined)) {
    const birth = parseDate(cell("birthDate"));
    const measured = parseDate(cell("measureDate"));
    if (!birth.ok) errors.push(`field "${columnName("birthDate")}": ${birth.error}`);
    if (!measured.ok) errors.push(`field "${columnName("measureDate")}": ${measured.error}`);
    if (birth.ok && measured.ok && birth.value && measured.value) {
      age = daysBetween(birth.value, measured.value);
      if (age < 0) {
        errors.push(
          `field "${columnName("measureDate")}": measurement date ${measured.value} is before the birth date ${birth.value}`,
        );
        age = undefined;
      }
    }
  }
  if (age !== undefined && age < 0) {
    errors.push(`field "${columnName("age")}": found ${age}, expected an age of 0 or more`);
  } else if (age !== undefined) {
    // anthro compares an age given in months with 9 and 60 months before converting it to days.
    if (ageInMonths) input.ageMonths = age;
    else input.ageDays = age;
  }

  const measure = parseMeasure(cell("measure"));
  if (!measure.ok) errors.push(`field "${columnName("measure")}": ${measure.error}`);
  else if (measure.value) input.measure = measure.value;

  const oedema = parseOedema(cell("oedema"));
  if (!oedema.ok) errors.push(`field "${columnName("oedema")}": ${oedema.error}`);
  else if (oedema.value !== undefined) input.oedema = oedema.value;

  return errors.length ? { ok: false, errors } : { ok: true, input };
}
