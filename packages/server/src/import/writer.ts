/**
 * Where an import's checked rows go while the file is read: each row is written directly (a
 * child new to the database, direct.ts) or staged for the merge (stage.ts), and every batch of
 * them — new facilities, children, measurements, staged rows, sealed identifiers — is sent by
 * COPY. One COPY is in flight while the next batch is read, so the server works while this
 * thread parses.
 */
import type { FigureInputBuilder } from "@tumbuh/core";
import { type AnthroBatchOutput, createAnthroBatchOutput } from "@tumbuh/growth";
import type { Session } from "../db/connection.ts";
import { uuidBytes } from "../db/pg-binary.ts";
import { copyFacilities, districtFacilities } from "../db/repositories/import-places.ts";
import { copyIdentifiers, copyStageRows, createStageTables } from "../db/repositories/import-stage.ts";
import {
  copyChildren,
  copyMeasurements,
  loadChildKeys,
  lockDistrictImports,
} from "../db/repositories/import-write.ts";
import type { CheckedRow, MeasurementPart } from "./checked-row.ts";
import { DirectImport } from "./direct.ts";
import { DistrictFacts } from "./district-facts.ts";
import { Facilities, type Facility } from "./facilities.ts";
import { encodeMeasurements } from "./measurement-batch.ts";
import type { ImportMemo } from "./memo.ts";
import { encodeChildren, type NewChild } from "./new-child.ts";
import { addFlags, type ImportReport } from "./report.ts";
import type { IdentifierSealer } from "./sealing.ts";
import { StageBatch } from "./stage.ts";

export interface WriterOptions {
  importId: string;
  /** Rows per COPY batch. */
  batchRows: number;
  /** Every row staged, none written directly. */
  stagedOnly: boolean;
  /** New children written directly at most (the rest are staged). */
  directChildren?: number;
  /** Wait for, then hold off, other imports of each district the rows are in (not on a dry run). */
  lockDistricts: boolean;
}

/** What the merge needs of the rows staged (and of the direct path's children). */
export interface StagedWork {
  /** Rows staged with a measurement; rows staged in all. */
  measured: number;
  rows: number;
  /** CSV lines (district_code, child_key, nik_child_key) for children also staged without NIK. */
  identityMatches: string;
  /** Binary COPY data (district_code, id, nik_hash, nik_enc): NIKs for children written directly without one. */
  nikAttached: Buffer | null;
  /** Binary COPY data (district_code, id): children written directly whose later rows were staged. */
  handedOver: Buffer | null;
  /** Staged rows with a measurement of those children. */
  handedOverMeasured: number;
}

export class ImportWriter {
  readonly facilities: Facilities;
  private readonly stage: StageBatch;
  private readonly direct: DirectImport | undefined;
  private readonly districts = new Set<string>();
  /** Scratch space for scoring the direct path's measurement batches. */
  private readonly scored: AnthroBatchOutput;
  private copying: Promise<void> = Promise.resolve();

  constructor(
    private readonly s: Session,
    private readonly report: ImportReport,
    private readonly sealer: IdentifierSealer,
    memo: ImportMemo,
    private readonly opts: WriterOptions,
  ) {
    this.facilities = new Facilities(memo);
    this.stage = new StageBatch(opts.batchRows, memo);
    this.direct = opts.stagedOnly
      ? undefined
      : new DirectImport(opts.batchRows, uuidBytes(opts.importId), opts.directChildren, new DistrictFacts());
    this.scored = createAnthroBatchOutput(opts.batchRows);
  }

  /** Creates the staging tables (in the session's transaction). */
  open(): Promise<void> {
    return createStageTables(this.s);
  }

  /** True once a row of the district was taken (addDistrict). */
  hasDistrict(district: string): boolean {
    return this.districts.has(district);
  }

  /** Loads what routing and facilities need of a district, before its first row is delivered. */
  async addDistrict(district: string): Promise<void> {
    if (this.districts.has(district)) return;
    // Serialised with the other imports of the district: what they committed is read below.
    if (this.opts.lockDistricts) await lockDistrictImports(this.s, district);
    this.facilities.addDistrict(district, await districtFacilities(this.s, district));
    if (this.direct) this.direct.addDistrict(district, await loadChildKeys(this.s, district));
    this.districts.add(district);
  }

  /** The districts of the rows taken, in code order. */
  districtCodes(): string[] {
    return [...this.districts].sort();
  }

  /** The new child the last delivered row was written to directly, if it was. */
  get lastChild(): NewChild | undefined {
    return this.direct?.lastChild;
  }

  /** True when a batch is full: `flush` before the next row. */
  get full(): boolean {
    return this.stage.size >= this.opts.batchRows || (this.direct?.size ?? 0) >= this.opts.batchRows;
  }

  /** Writes or stages a checked row; true when a batch is full. */
  deliver(checked: CheckedRow, posyandu: Facility | undefined): boolean {
    if (!this.direct || this.direct.route(checked, posyandu) === "stage") {
      this.stage.addRow(checked);
      this.report.rowsStaged++;
    } else this.report.rowsWrittenDirectly++;
    return this.full;
  }

  /**
   * The next measurement `m` of the new child `child` written directly by the row before: written
   * directly and true when nothing else needs settling, else false (deliver the row instead).
   */
  addRepeat(child: NewChild | undefined, m: MeasurementPart, rowNo: number): boolean {
    if (!child || !this.direct?.addRepeat(child, m, rowNo)) return false;
    this.report.rowsWrittenDirectly++;
    return true;
  }

  /** Sends the batches collected so far (waiting for the COPY before them first). */
  async flush(): Promise<void> {
    const { s, report } = this;
    // The identifiers first seen since the last flush: sealed on a worker while this thread goes on.
    const sealing = this.sealer.complete();
    sealing.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
    // Taken now (z-scores computed here) while the previous batch's COPY runs on the server.
    const newFacilities = this.facilities.take();
    const written = this.direct?.take();
    const encoded = written?.measurements
      ? encodeMeasurements(written.measurements, this.scored, this.direct?.facts)
      : undefined;
    if (encoded) {
      report.measurementsFlagged += encoded.flagged;
      addFlags(report, encoded.flags);
    }
    const staged = this.stage.size > 0 ? this.stage.take() : undefined;
    if (staged) {
      report.measurementsFlagged += staged.flagged;
      addFlags(report, staged.flags);
    }
    await this.copying;
    this.copying = (async () => {
      // Every identifier sealed so far: a staged row may carry one first sealed for a row written directly.
      const identifiers = await sealing;
      await copyFacilities(s, newFacilities);
      // Children before their measurements.
      if (written?.children) await copyChildren(s, encodeChildren(written.children));
      if (encoded) await copyMeasurements(s, encoded.data);
      if (staged) await copyStageRows(s, staged.csv);
      if (identifiers) await copyIdentifiers(s, identifiers);
    })();
    this.copying.catch(() => {}); // awaited at the next flush or the end; not an unhandled rejection meanwhile
  }

  /** Sends the last batches and waits for every COPY; fills the direct path's figures of the report. */
  async finish(): Promise<void> {
    await this.flush();
    await this.copying;
    const { report, direct } = this;
    report.districts = this.districtCodes();
    // Direct and staged batches of one flush interleave: in row order (stable within a row).
    report.flags.sort((a, b) => a.rowNo - b.rowNo);
    report.puskesmasCreated = this.facilities.puskesmasCreated;
    report.posyanduCreated = this.facilities.posyanduCreated;
    if (direct) {
      report.childrenCreated = direct.childrenCreated;
      report.measurementsAdded = direct.measurementsAdded;
      report.rowsRepeated = direct.rowsRepeated;
      report.likelyDuplicates.push(...direct.likelyDuplicates);
    }
  }

  /** Waits for a COPY still in flight, ignoring its failure (before a rollback after an error). */
  async settle(): Promise<void> {
    await this.copying.catch(() => {});
  }

  /**
   * The figure rows written directly for the districts the file wrote from nothing
   * (district-facts.ts; call after `finish`). Rows staged are not among them: the merge decides
   * what they become.
   */
  knownRows(): Map<string, FigureInputBuilder> {
    return this.direct?.facts?.known() ?? new Map();
  }

  /** What is left to merge (call after `finish`). */
  stagedWork(): StagedWork {
    const { counts } = this.stage;
    return {
      measured: counts.measured,
      rows: counts.withNik + counts.withoutNik,
      identityMatches: this.stage.takeIdentityMatches(),
      nikAttached: this.direct?.takeNikAttached() ?? null,
      handedOver: this.direct?.takeHandedOver() ?? null,
      handedOverMeasured: this.direct?.stagedMeasured ?? 0,
    };
  }
}
