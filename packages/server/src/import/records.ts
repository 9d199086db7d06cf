/**
 * From a sheet's cells to a row's record (its fields by name), and what tells a row that
 * repeats the child of the row before it (a child's next month) from a row of another child.
 */

import type { RawRecord } from "./checked-row.ts";
import { type ColumnMap, FIELD_ALIASES, type Field } from "./columns.ts";
import type { SheetRow } from "./read.ts";

/** A sheet's fields with the index of their cell, computed once per sheet. */
export type FieldCells = readonly [Field, number][];

/** The fields a column map found, with their cells. */
export function fieldCells(map: ColumnMap): FieldCells {
  return Object.entries(map.index) as [Field, number][];
}

/**
 * A row's record from the sheet's (field, cell index) pairs; written into `rec` when given (one
 * object reused row after row: nothing keeps a record).
 */
export function recordOf(fields: FieldCells, cells: SheetRow["cells"], rec: RawRecord = {}): RawRecord {
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k];
    rec[f[0]] = cells[f[1]] ?? null;
  }
  return rec;
}

/** The fields of a measurement (the rest of a row describes the child and its place). */
export const MEASUREMENT_FIELDS: ReadonlySet<Field> = new Set<Field>([
  "measuredOn",
  "weight",
  "lenhei",
  "measure",
  "headc",
  "armc",
  "oedema",
]);

/**
 * How many leading columns of a sheet all describe the child (e-PPGBM: NIK to Alamat): a row
 * writing them as the row before does is the same child, and the reader may hand it that row's
 * strings for them (Sheet.select), which sameCells then compares by identity.
 */
export function leadingChildColumns(fields: FieldCells): number {
  const at = new Map(fields.map(([f, i]) => [i, f]));
  let n = 0;
  for (let f = at.get(n); f !== undefined && !MEASUREMENT_FIELDS.has(f); f = at.get(n)) n++;
  return n;
}

/** True when the cells at `indexes` are the same in both rows. */
export function sameCells(a: SheetRow["cells"], b: SheetRow["cells"], indexes: readonly number[]): boolean {
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k];
    if (a[i] !== b[i]) return false;
  }
  return true;
}

/** The fields a sheet lacks, each with the column names users may give it. */
export function missingColumns(map: ColumnMap, fields: Field[]): string {
  const missing = fields.filter((f) => map.index[f] === undefined);
  return missing
    .map((f) => `${FIELD_ALIASES[f][0]} (or ${FIELD_ALIASES[f].slice(1, 4).join(", ")})`)
    .join("; ");
}
