/**
 * The direct path of an import: children new to the database and their measurements written
 * straight into `children` and `measurements` by binary COPY, with what the path needs to know
 * first (the keys of the children a district already has) and to settle afterwards (NIKs that
 * later rows gave children written without one).
 */
import { sql } from "kysely";
import type { Session } from "../connection.ts";
import { traced } from "../trace.ts";
import { CHILD_COLUMNS, copyTarget, MEASUREMENT_COLUMNS } from "./import-columns.ts";

const CHILD_TARGET = copyTarget("children", CHILD_COLUMNS);
const MEASUREMENT_TARGET = copyTarget("measurements", MEASUREMENT_COLUMNS);

/** A stored child's matching keys. */
export interface StoredChildKeys {
  nik_hash: string | null;
  name_key: string;
  birth_date: string;
  sex: number;
}

/** The matching keys of every child the district has. */
export async function loadChildKeys(s: Session, district: string): Promise<StoredChildKeys[]> {
  const r = await traced(`children keys of ${district}`, () =>
    sql<StoredChildKeys>`
      SELECT nik_hash, name_key, birth_date, sex FROM children WHERE district_code = ${district}`.execute(
      s.db,
    ),
  );
  return r.rows;
}

/** Writes children: binary COPY data in CHILD_COLUMNS order. */
export function copyChildren(s: Session, data: Uint8Array): Promise<void> {
  return traced("COPY children", () => s.copyBinary(CHILD_TARGET, data));
}

/** Writes measurements: binary COPY data in MEASUREMENT_COLUMNS order (their children written first). */
export function copyMeasurements(s: Session, data: Uint8Array): Promise<void> {
  return traced("COPY measurements", () => s.copyBinary(MEASUREMENT_TARGET, data));
}

/**
 * Gives children written without a NIK the NIK a later row of the file gave them: binary COPY
 * data (district_code, id, nik_hash, nik_enc).
 */
export async function attachNiks(s: Session, data: Uint8Array): Promise<void> {
  await sql
    .raw(
      "CREATE TEMP TABLE import_nik_attached (district_code text, id uuid, nik_hash text, nik_enc text) ON COMMIT DROP",
    )
    .execute(s.db);
  await s.copyBinary("import_nik_attached (district_code, id, nik_hash, nik_enc)", data);
  await traced("attach NIKs", () =>
    sql
      .raw(`UPDATE children c SET nik_hash = a.nik_hash, nik_enc = a.nik_enc FROM import_nik_attached a
      WHERE c.district_code = a.district_code AND c.id = a.id`)
      .execute(s.db),
  );
}
