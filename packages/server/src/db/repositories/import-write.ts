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
/** The class of the advisory locks that serialise the imports of one district (first key). */
const IMPORT_LOCK_CLASS = 0x7475_6d62; // "tumb"

/**
 * Waits until no other import of `district` is running, then holds it off until this
 * transaction ends (a transaction-level advisory lock: released by commit, rollback or a lost
 * connection). Take it before reading the district's children and facilities, so that an import
 * that waited reads what the one before it committed. (PGlite has one connection, held by an
 * import for its whole transaction: its imports are serialised before they get here.)
 */
export async function lockDistrictImports(s: Session, district: string): Promise<void> {
  await traced(`lock imports of ${district}`, () =>
    sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_CLASS}, hashtext(${district}))`.execute(s.db),
  );
}

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
