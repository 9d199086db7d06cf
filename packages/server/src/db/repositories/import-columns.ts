/**
 * The columns an import writes, each listed once with its SQL type: the staging table (which
 * builds its CREATE TEMP TABLE, its COPY column list and the encoder of its rows), the children
 * and measurements written by COPY, and the merge's INSERT and upsert column lists.
 */
import { STORED_MEASUREMENT_FIELDS, type StoredMeasurement } from "@tumbuh/growth";

export interface Column<Name extends string = string> {
  name: Name;
  /** The SQL type (as in CREATE TABLE). */
  type: string;
}

/** The names of a column list, comma-separated (a COPY or INSERT column list). */
export function columnList(columns: readonly Column[]): string {
  return columns.map((c) => c.name).join(", ");
}

/** A COPY target: `table (col, ...)`. */
export function copyTarget(table: string, columns: readonly Column[]): string {
  return `${table} (${columnList(columns)})`;
}

const STORED_TYPES = { z: "double precision", f: "boolean", s: "text" } as const;

/** What @tumbuh/growth's storedMeasurement gives (z-scores, flags, categories), as columns in its order. */
export const STORED_COLUMNS: readonly Column<keyof StoredMeasurement>[] = STORED_MEASUREMENT_FIELDS.map(
  (name) => ({ name, type: STORED_TYPES[name[0] as keyof typeof STORED_TYPES] }),
);

/** The `source` written on every imported measurement. */
export const IMPORT_SOURCE = "eppgbm_import";

/**
 * How a measurement column takes part in the merge's upsert: `key` the natural key (district,
 * child, date) it conflicts on; `id` made once, never replaced; `value` replaced and compared
 * (a row whose values all equal the stored ones changes nothing); `derived` and `provenance`
 * replaced along with a changed row, not compared (flags and categories follow from the values).
 */
type MeasurementRole = "key" | "id" | "value" | "derived" | "provenance";

export interface MeasurementColumn extends Column {
  role: MeasurementRole;
}

const STORED_MEASUREMENT_COLUMNS: MeasurementColumn[] = STORED_COLUMNS.map((c) => ({
  ...c,
  role: c.name.startsWith("z") ? "value" : "derived",
}));

/** The columns of `measurements` an import writes, in binary COPY order (import/measurement-batch.ts). */
export const MEASUREMENT_COLUMNS: readonly MeasurementColumn[] = [
  { name: "district_code", type: "text", role: "key" },
  { name: "id", type: "uuid", role: "id" },
  { name: "child_id", type: "uuid", role: "key" },
  { name: "village_code", type: "text", role: "value" },
  { name: "posyandu_id", type: "uuid", role: "value" },
  { name: "measured_on", type: "date", role: "key" },
  { name: "age_days", type: "integer", role: "value" },
  { name: "weight", type: "double precision", role: "value" },
  { name: "lenhei", type: "double precision", role: "value" },
  { name: "measure", type: "text", role: "value" },
  { name: "oedema", type: "boolean", role: "value" },
  { name: "headc", type: "double precision", role: "value" },
  { name: "armc", type: "double precision", role: "value" },
  ...STORED_MEASUREMENT_COLUMNS,
  { name: "source", type: "text", role: "provenance" },
  { name: "import_id", type: "uuid", role: "provenance" },
];

/** The columns of `children` an import writes, in binary COPY order (import/direct.ts encodeChildren). */
export const CHILD_COLUMNS: readonly Column[] = [
  { name: "district_code", type: "text" },
  { name: "id", type: "uuid" },
  { name: "village_code", type: "text" },
  { name: "posyandu_id", type: "uuid" },
  { name: "nik_hash", type: "text" },
  { name: "nik_enc", type: "text" },
  { name: "kk_hash", type: "text" },
  { name: "kk_enc", type: "text" },
  { name: "name", type: "text" },
  { name: "name_key", type: "text" },
  { name: "sex", type: "smallint" },
  { name: "birth_date", type: "date" },
  { name: "birth_weight", type: "double precision" },
  { name: "birth_length", type: "double precision" },
  { name: "mother_name", type: "text" },
  { name: "mother_nik_hash", type: "text" },
  { name: "mother_nik_enc", type: "text" },
  { name: "rt", type: "text" },
  { name: "rw", type: "text" },
  { name: "address", type: "text" },
];

/**
 * The staging table's columns of a checked row (import/stage.ts encodes them from the row):
 * the file row, its child (`child_key` is `n:<NIK hash>` or the identity key, import/matching.ts),
 * place and identifier hashes, and its measurement as read.
 */
export const STAGE_ROW_COLUMNS = [
  { name: "row_no", type: "integer" },
  { name: "district_code", type: "text" },
  { name: "child_key", type: "text" },
  { name: "village_code", type: "text" },
  { name: "posyandu_key", type: "text" },
  { name: "nik_hash", type: "text" },
  { name: "kk_hash", type: "text" },
  { name: "mother_nik_hash", type: "text" },
  { name: "name", type: "text" },
  { name: "name_key", type: "text" },
  { name: "sex", type: "smallint" },
  { name: "birth_date", type: "date" },
  { name: "birth_weight", type: "double precision" },
  { name: "birth_length", type: "double precision" },
  { name: "mother_name", type: "text" },
  { name: "rt", type: "text" },
  { name: "rw", type: "text" },
  { name: "address", type: "text" },
  { name: "measured_on", type: "date" },
  { name: "age_days", type: "integer" },
  { name: "weight", type: "double precision" },
  { name: "lenhei", type: "double precision" },
  { name: "measure", type: "text" },
  { name: "oedema", type: "boolean" },
  { name: "headc", type: "double precision" },
  { name: "armc", type: "double precision" },
] as const satisfies readonly Column[];

export type StageRowColumn = (typeof STAGE_ROW_COLUMNS)[number]["name"];

/** Every staging column in COPY order: a checked row's, then what is stored for its measurement. */
export const STAGE_COLUMNS: readonly Column[] = [...STAGE_ROW_COLUMNS, ...STORED_COLUMNS];
