/**
 * A child new to the database, as the direct path keeps it while the file is read: the row it
 * was written from, what later rows may change, and its binary COPY row for `children`.
 */
import { PgBinaryRows } from "../db/pg-binary.ts";
import { CHILD_COLUMNS } from "../db/repositories/import-columns.ts";
import type { CheckedRow } from "./checked-row.ts";
import type { Facility } from "./facilities.ts";

/** A child new to the database, written by the direct path (opaque outside it). */
export interface NewChild {
  id: Buffer;
  firstRowNo: number;
  /** The row the child was written from. */
  row: CheckedRow;
  posyandu: Facility | undefined;
  /** NIK hash, when known. */
  nik: string | undefined;
  /** Later rows go to staging. */
  handedOver: boolean;
  /** Rows without NIK were taken as this child. */
  noNikRows: boolean;
  /** Measurement days (since 1970) seen for the child. */
  days: number[];
  /** Index among its district's figure rows (district-facts.ts), -1 when not kept. */
  fact: number;
}

/** True when the row would change what was written for the child (NIK aside when the row has none). */
export function changes(c: NewChild, row: CheckedRow, posyandu: Facility | undefined): boolean {
  const w = c.row;
  return (
    (row.nik !== undefined && row.nik.hash !== c.nik) ||
    row.villageCode !== w.villageCode ||
    posyandu !== c.posyandu ||
    row.name !== w.name ||
    row.sex !== w.sex ||
    row.birthDate !== w.birthDate ||
    row.kk?.digits !== w.kk?.digits ||
    row.motherNik?.digits !== w.motherNik?.digits ||
    row.birthWeight !== w.birthWeight ||
    row.birthLength !== w.birthLength ||
    row.motherName !== w.motherName ||
    row.rt !== w.rt ||
    row.rw !== w.rw ||
    row.address !== w.address
  );
}

/** Children written directly, as binary COPY data in CHILD_COLUMNS order (their identifiers sealed). */
export function encodeChildren(children: readonly NewChild[]): Buffer {
  const rows = new PgBinaryRows(children.length * 300);
  for (const c of children) {
    const row = c.row;
    rows
      .row(CHILD_COLUMNS.length)
      .text(row.districtCode)
      .uuid(c.id)
      .text(row.villageCode)
      .uuid(c.posyandu?.id)
      .text(row.nik?.hash)
      .text(row.nik?.sealedEnc)
      .text(row.kk?.hash)
      .text(row.kk?.sealedEnc)
      .text(row.name)
      .text(row.nameKey)
      .int2(row.sex)
      .date(row.birthDays)
      .float8(row.birthWeight)
      .float8(row.birthLength)
      .text(row.motherName)
      .text(row.motherNik?.hash)
      .text(row.motherNik?.sealedEnc)
      .text(row.rt)
      .text(row.rw)
      .text(row.address);
  }
  return rows.take() as Buffer;
}
