/**
 * The direct path of an import. A child new to the database is written straight into
 * `children`, and its measurements into `measurements`, by binary COPY while the file is read:
 * no staging table, no merge. Everything else goes to the staging path and its set-based merge,
 * which matches, updates and reports likely duplicates:
 * - rows of children the database already holds (same NIK, or same name, birth date and sex),
 *   and rows tied to such rows in the file;
 * - later rows of a new child that change its details or repeat one of its dates, so that the
 *   file's last row still counts (the child is then "handed over": all its later rows go there).
 * A file whose rows tie children together in a way only the whole file can settle (rows
 * without NIK that would belong to a NIK seen later with another child) raises
 * NeedsStagedImport; the caller then imports the whole file through staging. Children are
 * matched by the rule of matching.ts, with its keys.
 */

import { PgBinaryRows, uuid7Into } from "../db/pg-binary.ts";
import type { StoredChildKeys } from "../db/repositories/import-write.ts";
import type { CheckedRow, MeasurementPart } from "./checked-row.ts";
import type { DistrictFacts } from "./district-facts.ts";
import type { Facility } from "./facilities.ts";
import { nbsKey, nbsOf, nikKey } from "./matching.ts";
import { MeasurementBatch, type MeasurementColumns } from "./measurement-batch.ts";
import { changes, type NewChild } from "./new-child.ts";
import { duplicateMessage } from "./report.ts";
import type { SealedIdentifier } from "./sealing.ts";

/** The file must be imported through staging alone (see the module comment). */
export class NeedsStagedImport extends Error {}

export interface DirectDuplicate extends ReturnType<typeof duplicateMessage> {
  rowNo: number;
  name: string;
  birthDate: string;
}

interface DistrictKeys {
  /** NIK hashes and name|birth|sex keys of the district's children in the database. */
  dbNik: Set<string>;
  dbNbs: Set<string>;
  /** The same keys of rows sent to staging. */
  stagedNik: Set<string>;
  stagedNbs: Set<string>;
  /** New children written here, by NIK hash, identity key and name|birth|sex key. */
  byNik: Map<string, NewChild>;
  byIdentity: Map<string, NewChild>;
  byNbs: Map<string, NewChild>;
}

export class DirectImport {
  private readonly districts = new Map<string, DistrictKeys>();
  // Children written since the last take, encoded then (their identifiers are sealed by then).
  private newChildren: NewChild[] = [];
  private readonly handedOverIds = new PgBinaryRows(1 << 12);
  private nikAttached: { districtCode: string; child: NewChild; nik: SealedIdentifier }[] = [];
  // A batch's measurements, in columns (the checked rows themselves are not kept: short-lived
  // objects are cheap for the garbage collector, objects kept for a whole batch are not).
  private readonly measurements: MeasurementBatch;

  childrenCreated = 0;
  measurementsAdded = 0;
  /** Rows of new children repeating one of the child's dates. */
  rowsRepeated = 0;
  /** Rows with a measurement of handed-over children sent to staging. */
  stagedMeasured = 0;
  handedOver = 0;
  readonly likelyDuplicates: DirectDuplicate[] = [];
  /** The child of the last row `route` took ("direct"); undefined after a staged row. */
  lastChild: NewChild | undefined;

  /**
   * `capacity`: rows per batch. `maxChildren`: new children kept track of (about 1 KB each);
   * children beyond it are staged, so memory stays bounded on a file of any size. `facts`: keeps
   * the figure rows of districts with no children in the database yet (district-facts.ts).
   */
  constructor(
    readonly capacity: number,
    importId: Buffer,
    private readonly maxChildren = 250_000,
    readonly facts?: DistrictFacts,
  ) {
    this.measurements = new MeasurementBatch(capacity, importId);
  }

  /** Takes the keys of the district's children in the database (db/repositories/import-write.ts loadChildKeys). */
  addDistrict(district: string, stored: readonly StoredChildKeys[]): void {
    if (this.districts.has(district)) return;
    if (stored.length === 0) this.facts?.open(district);
    const dbNik = new Set<string>();
    const dbNbs = new Set<string>();
    for (const r of stored) {
      if (r.nik_hash) dbNik.add(r.nik_hash);
      dbNbs.add(nbsKey(r.name_key, r.birth_date, r.sex));
    }
    this.districts.set(district, {
      dbNik,
      dbNbs,
      stagedNik: new Set(),
      stagedNbs: new Set(),
      byNik: new Map(),
      byIdentity: new Map(),
      byNbs: new Map(),
    });
  }

  /** Measurements and children waiting for their COPY. */
  get size(): number {
    return this.measurements.count + this.newChildren.length;
  }

  /**
   * Takes a checked row: "direct" when it is written here, "stage" when it must be staged (its
   * child key may have been set to the NIK key of the new child it belongs to).
   */
  route(row: CheckedRow, posyandu: Facility | undefined): "direct" | "stage" {
    this.lastChild = undefined;
    const k = this.districts.get(row.districtCode);
    if (!k) throw new Error(`children of district ${row.districtCode} not loaded`);
    const nik = row.nik?.hash;
    const identity = row.identityKey;
    let c = nik !== undefined ? k.byNik.get(nik) : undefined;
    if (c === undefined) {
      const byIdentity = k.byIdentity.get(identity);
      if (byIdentity !== undefined) {
        if (nik === undefined) c = byIdentity;
        else if (byIdentity.nik === undefined) {
          // A NIK for a child first written without one: the same child.
          if (k.dbNik.has(nik) || k.stagedNik.has(nik))
            throw new NeedsStagedImport(
              `row ${row.rowNo}: a NIK already known joins a child written without one`,
            );
          c = byIdentity;
          c.nik = nik;
          this.facts?.setHasNik(row.districtCode, c.fact);
          k.byNik.set(nik, c);
          this.nikAttached.push({
            districtCode: row.districtCode,
            child: c,
            nik: row.nik as SealedIdentifier,
          });
        } else if (byIdentity.noNikRows)
          throw new NeedsStagedImport(`row ${row.rowNo}: rows without NIK match children of two NIKs`);
      }
    } else if (nik !== undefined) {
      const byIdentity = k.byIdentity.get(identity);
      if (byIdentity !== undefined && byIdentity !== c && byIdentity.noNikRows)
        throw new NeedsStagedImport(`row ${row.rowNo}: rows without NIK match children of two NIKs`);
    }

    if (c !== undefined) {
      if (nik !== undefined) k.byIdentity.set(identity, c);
      else c.noNikRows = true;
      let day: number | undefined;
      let repeated = false;
      if (row.measuredOn !== undefined) {
        day = row.measuredDays as number;
        if (c.days.includes(day)) {
          repeated = true;
          this.rowsRepeated++;
        } else c.days.push(day);
      }
      if (!c.handedOver && (repeated || changes(c, row, posyandu))) {
        c.handedOver = true;
        this.handedOver++;
        this.handedOverIds.row(2).text(row.districtCode).uuid(c.id);
      }
      if (c.handedOver) {
        if (c.nik !== undefined) row.childKey = nikKey(c.nik);
        if (day !== undefined) this.stagedMeasured++;
        return "stage";
      }
      if (day !== undefined) this.addMeasurement(row, c, posyandu);
      this.lastChild = c;
      return "direct";
    }

    // Past the limit every other row is staged (the sets below need not grow any more).
    if (this.childrenCreated >= this.maxChildren) return "stage";
    const nbs = nbsOf(identity);
    const sameNbs = k.byNbs.get(nbs);
    if (
      (nik !== undefined && (k.dbNik.has(nik) || k.stagedNik.has(nik))) ||
      k.dbNbs.has(nbs) ||
      k.stagedNbs.has(nbs)
    ) {
      if (nik !== undefined) k.stagedNik.add(nik);
      if (!k.stagedNbs.has(nbs)) {
        k.stagedNbs.add(nbs);
        if (sameNbs) this.duplicateOf(row, sameNbs);
      }
      return "stage";
    }

    // A child new to the database and to the file.
    c = this.newChild(row, nik, posyandu);
    if (sameNbs) this.duplicateOf(row, sameNbs);
    else k.byNbs.set(nbs, c);
    k.byIdentity.set(identity, c);
    if (nik !== undefined) k.byNik.set(nik, c);
    else c.noNikRows = true;
    if (row.measuredOn !== undefined) {
      c.days.push(row.measuredDays as number);
      this.addMeasurement(row, c, posyandu);
    }
    this.lastChild = c;
    return "direct";
  }

  /**
   * The usual row of a file: the next measurement of the child `c` that the previous row was
   * routed to ("direct"), with the same child cells. Written here and true when `route` would
   * write it directly for the same reasons; false when it needs `route` (a handed-over child, or
   * a date the child already has): nothing is changed then.
   */
  addRepeat(c: NewChild, m: MeasurementPart, rowNo: number): boolean {
    if (c.handedOver) return false;
    if (m.measuredOn !== undefined) {
      const day = m.measuredDays as number;
      if (c.days.includes(day)) return false;
      c.days.push(day);
      this.measurements.add(
        rowNo,
        c.row.name,
        c.row.villageCode,
        c.id,
        c.fact,
        c.posyandu?.id,
        day,
        c.row.sex,
        m,
      );
    }
    return true;
  }

  private duplicateOf(row: CheckedRow, other: NewChild): void {
    this.likelyDuplicates.push({
      rowNo: row.rowNo,
      name: row.name,
      birthDate: row.birthDate,
      ...duplicateMessage("row.sameChildInFile", { row: other.firstRowNo }),
    });
  }

  private newChild(row: CheckedRow, nik: string | undefined, posyandu: Facility | undefined): NewChild {
    const id = Buffer.allocUnsafe(16);
    uuid7Into(id);
    const c: NewChild = {
      id,
      firstRowNo: row.rowNo,
      row,
      posyandu,
      nik,
      handedOver: false,
      noNikRows: false,
      days: [],
      fact: -1,
    };
    if (this.facts) c.fact = this.facts.addChild(row.districtCode, c);
    this.childrenCreated++;
    this.newChildren.push(c);
    return c;
  }

  private addMeasurement(row: CheckedRow, c: NewChild, posyandu: Facility | undefined): void {
    this.measurements.add(
      row.rowNo,
      row.name,
      row.villageCode,
      c.id,
      c.fact,
      posyandu?.id,
      row.measuredDays as number,
      row.sex,
      row,
    );
  }

  /**
   * The children written since the last call and their measurements in columns, to be encoded
   * (`encodeChildren`, measurement-batch.ts) once their identifiers are sealed. Children are
   * copied first: measurements refer to them.
   */
  take(): { children: NewChild[] | null; measurements: MeasurementColumns | null } {
    const children = this.newChildren.length > 0 ? this.newChildren : null;
    this.newChildren = [];
    const measurements = this.measurements.take();
    if (measurements) this.measurementsAdded += measurements.count;
    return { children, measurements };
  }

  /** (district_code, id) of the new children whose later rows went to staging, as binary COPY data. */
  takeHandedOver(): Buffer | null {
    return this.handedOverIds.take();
  }

  /**
   * (district_code, id, nik_hash, nik_enc) of new children first written without the NIK a later
   * row gave, as binary COPY data (the NIKs sealed by then).
   */
  takeNikAttached(): Buffer | null {
    const rows = new PgBinaryRows(1 << 12);
    for (const a of this.nikAttached)
      rows.row(4).text(a.districtCode).uuid(a.child.id).text(a.nik.hash).text(a.nik.sealedEnc);
    this.nikAttached = [];
    return rows.take();
  }
}
