/**
 * Import of measurement files (e-PPGBM flat export, e-PPGBM child + monitoring sheets, district
 * CSVs). The file is streamed: each row is parsed and checked in JavaScript. Rows of children
 * new to the database are written straight into children and measurements by binary COPY
 * (direct.ts); the other rows are staged by batched COPY into a temporary table and merged by
 * set-based SQL (matching, updates, likely duplicates) — all in one transaction, so a file
 * lands completely or not at all. The roll-ups of its districts are refreshed right after the
 * commit, in a transaction of their own (rollup/pending.ts).
 */

import { randomUUID } from "node:crypto";
import { basename } from "node:path";
import { districtOfCode, levelOfCode, personKey, toCsv, todayInIndonesia } from "@tumbuh/core";
import { createAnthroBatchOutput } from "@tumbuh/growth";
import { sql } from "kysely";
import type { Database, Session } from "../db/connection.ts";
import { uuidBytes } from "../db/pg-binary.ts";
import { loadPiiKeys, type PiiKeys } from "../db/pii.ts";
import { markRollupsPending, refreshRollupsAndClear } from "../db/repositories/rollup-pending.ts";

import {
  type ColumnMap,
  FIELD_ALIASES,
  type Field,
  mapColumns,
  type SheetKind,
  sheetKind,
} from "./columns.ts";
import {
  CHILD_COPY_TARGET,
  DirectImport,
  encodeChildren,
  MEASUREMENT_COPY_TARGET,
  NeedsStagedImport,
  type NewChild,
} from "./direct.ts";
import { FACILITY_TARGETS, Facilities, type Facility } from "./facilities.ts";
import { sha256File } from "./file-hash.ts";
import { encodeMeasurements } from "./measurement-batch.ts";
import { PlaceResolver } from "./places.ts";
import { readSheets, type SheetRow } from "./read.ts";
import {
  type CheckedRow,
  checkRecord,
  checkRepeatRecord,
  parseIdentifier,
  type RawRecord,
  type Rejection,
  repeatOf,
  STAGE_COLUMNS,
  StageBatch,
  stageChecked,
  text,
} from "./rows.ts";
import { IdentifierSealer } from "./sealing.ts";

export interface ImportOptions {
  /** Check and report without writing anything. */
  dryRun?: boolean;
  /** District code (e.g. 35.03) the file's place names resolve in; else the file's Kab/Kota column. */
  district?: string;
  /** Name recorded for the file (default: the path's base name). */
  fileName?: string;
  /** Keys for NIK/KK; default loadPiiKeys(database.dataDir). */
  keys?: PiiKeys;
  /** Rows per COPY batch (default 20,000). */
  batchRows?: number;
  /** The day imports are checked against (dates after it are rejected); default today (UTC). */
  today?: string;
  /** User recorded on the import. */
  createdBy?: string;
  /**
   * Every row through the staging table and its merge, none written directly (default false).
   * The import switches to it by itself for a file only the whole file can settle.
   */
  stagedOnly?: boolean;
  /** New children written directly at most (default 250,000); the rest are staged. */
  directChildren?: number;
}

export interface LikelyDuplicate {
  rowNo: number;
  name: string;
  birthDate: string;
  reason: string;
}

export interface ImportReport {
  importId: string | null;
  fileName: string;
  fileSha256: string;
  dryRun: boolean;
  districts: string[];
  sheets: { name: string; kind: SheetKind; rows: number; ignoredColumns: string[] }[];
  rowsRead: number;
  rowsRejected: number;
  childrenCreated: number;
  childrenUpdated: number;
  childrenUnchanged: number;
  measurementsAdded: number;
  measurementsUpdated: number;
  measurementsUnchanged: number;
  /** Measurements with an implausible value (WHO flag): imported, shown, left out of prevalence. */
  measurementsFlagged: number;
  /** Rows repeating a child and date already given higher up in the file (the last one counts). */
  rowsRepeated: number;
  /** Accepted rows written straight into the tables (children new to the database), and staged for the merge. */
  rowsWrittenDirectly: number;
  rowsStaged: number;
  puskesmasCreated: number;
  posyanduCreated: number;
  likelyDuplicates: LikelyDuplicate[];
  rejections: Rejection[];
  durationMs: number;
  /** Milliseconds until the file's rows were committed (the roll-up refresh follows; durationMs includes it). */
  landedMs: number;
  /** Milliseconds per phase (read and stage, merge, roll-ups), for benchmarks. */
  phases: Record<string, number>;
}

/** Thrown for a file Tumbuh cannot read at all (no usable sheet, missing columns). */
export class ImportFileError extends Error {}

function record(map: ColumnMap, cells: SheetRow["cells"]): RawRecord {
  return recordOf(Object.entries(map.index) as [Field, number][], cells);
}

/**
 * A row's record from the sheet's (field, cell index) pairs, computed once per sheet; written
 * into `rec` when given (one object reused row after row: nothing keeps a record).
 */
function recordOf(
  fields: readonly [Field, number][],
  cells: SheetRow["cells"],
  rec: RawRecord = {},
): RawRecord {
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k];
    rec[f[0]] = cells[f[1]] ?? null;
  }
  return rec;
}

/** The fields of a measurement (the rest of a row describes the child and its place). */
const MEASUREMENT_FIELDS: ReadonlySet<Field> = new Set<Field>([
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
function leadingChildColumns(fields: readonly [Field, number][]): number {
  const at = new Map(fields.map(([f, i]) => [i, f]));
  let n = 0;
  for (let f = at.get(n); f !== undefined && !MEASUREMENT_FIELDS.has(f); f = at.get(n)) n++;
  return n;
}

/** True when the cells at `indexes` are the same in both rows. */
function sameCells(a: SheetRow["cells"], b: SheetRow["cells"], indexes: readonly number[]): boolean {
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k];
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function missingColumns(map: ColumnMap, fields: Field[]): string {
  const missing = fields.filter((f) => map.index[f] === undefined);
  return missing
    .map((f) => `${FIELD_ALIASES[f][0]} (or ${FIELD_ALIASES[f].slice(1, 4).join(", ")})`)
    .join("; ");
}

/** Child attributes from a child-register sheet, used to complete monitoring rows. */
interface RegisterEntry {
  rec: RawRecord;
  rowNo: number;
}

/**
 * Imports a measurement file and returns its report. Without `dryRun`, children, posyandu,
 * puskesmas and measurements are written in one transaction, then the roll-ups of the affected
 * districts are refreshed (RollupRefreshError if only that fails: the file has landed); with it,
 * the same checks run and nothing is kept.
 */
export async function importMeasurements(
  database: Database,
  path: string,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  try {
    return await importOnce(database, path, opts);
  } catch (err) {
    // Rolled back: the file ties children together in a way only staging settles.
    if (err instanceof NeedsStagedImport && !opts.stagedOnly)
      return importOnce(database, path, { ...opts, stagedOnly: true });
    throw err;
  }
}

async function importOnce(database: Database, path: string, opts: ImportOptions): Promise<ImportReport> {
  const t0 = performance.now();
  const keys = opts.keys ?? loadPiiKeys(database.dataDir);
  const sealer = new IdentifierSealer(keys);
  const today = opts.today ?? todayInIndonesia(new Date());
  const batchRows = opts.batchRows ?? 20_000;
  // Hashed on another thread while this one reads the file.
  const fileHash = sha256File(path);
  fileHash.catch(() => {}); // awaited after the rows are read; not an unhandled rejection before
  const report: ImportReport = {
    importId: null,
    fileName: opts.fileName ?? basename(path),
    fileSha256: "",
    dryRun: !!opts.dryRun,
    districts: [],
    sheets: [],
    rowsRead: 0,
    rowsRejected: 0,
    childrenCreated: 0,
    childrenUpdated: 0,
    childrenUnchanged: 0,
    measurementsAdded: 0,
    measurementsUpdated: 0,
    measurementsUnchanged: 0,
    measurementsFlagged: 0,
    rowsRepeated: 0,
    rowsWrittenDirectly: 0,
    rowsStaged: 0,
    puskesmasCreated: 0,
    posyanduCreated: 0,
    likelyDuplicates: [],
    rejections: [],
    durationMs: 0,
    landedMs: 0,
    phases: {},
  };
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    report.phases[name] = Math.round(now - mark);
    mark = now;
  };
  if (opts.district && levelOfCode(opts.district) !== "district") {
    throw new ImportFileError(`--district: found '${opts.district}', expected a district code such as 35.03`);
  }
  if (opts.district && !(await new PlaceResolver(database).district(opts.district))) {
    throw new ImportFileError(
      `--district: no district with code '${opts.district}' (are the regions loaded?)`,
    );
  }
  const districts = new Set<string>();
  const importId = randomUUID();
  const facilities = new Facilities();
  const direct = opts.stagedOnly
    ? undefined
    : new DirectImport(batchRows, uuidBytes(importId), opts.directChildren);
  // Scratch space for scoring the direct path's measurement batches.
  const anthroOut = createAnthroBatchOutput(batchRows);

  // Pass 1: child-register sheets of a two-sheet workbook, kept to complete monitoring rows.
  const byNik = new Map<string, RegisterEntry>();
  const byName = new Map<string, RegisterEntry[]>();
  let sawRegister = false;
  for await (const sheet of readSheets(path)) {
    const map = mapColumns(sheet.header);
    if (sheetKind(map) !== "children") continue;
    sawRegister = true;
    for await (const row of sheet.rows) {
      const rec = record(map, row.cells);
      const entry = { rec, rowNo: row.rowNo };
      const nik = parseIdentifier(rec.nik);
      if (nik.ok && nik.value) byNik.set(nik.value, entry);
      const name = text(rec.name);
      if (name) {
        const k = personKey(name);
        const list = byName.get(k);
        if (list) list.push(entry);
        else byName.set(k, [entry]);
      }
    }
  }

  const run = async (s: Session) => {
    // Inside the session: on PGlite the session holds the only connection.
    const places = new PlaceResolver(s);
    await sql
      .raw(`CREATE TEMP TABLE import_stage (
      row_no integer, district_code text, child_key text, village_code text,
      posyandu_key text,
      nik_hash text, kk_hash text, mother_nik_hash text,
      name text, name_key text, sex smallint, birth_date date, birth_weight double precision,
      birth_length double precision, mother_name text, rt text, rw text, address text,
      measured_on date, age_days integer, weight double precision, lenhei double precision,
      measure text, oedema boolean, headc double precision, armc double precision,
      zlen double precision, zwei double precision, zwfl double precision, zbmi double precision,
      zhc double precision, zac double precision, flen boolean, fwei boolean, fwfl boolean,
      fbmi boolean, status_tbu text, status_bbu text, status_bbtb text, status_imtu text
    ) ON COMMIT DROP`)
      .execute(s.db);
    // Identifier ciphertexts, once per identifier (staged rows carry the keyed hash only).
    await sql.raw("CREATE TEMP TABLE import_identifiers (hash text, enc text) ON COMMIT DROP").execute(s.db);
    const target = `import_stage (${STAGE_COLUMNS.join(", ")})`;
    const batch = new StageBatch(batchRows);
    // One COPY in flight while the next batch is read (the server works while JavaScript parses).
    let copying: Promise<void> = Promise.resolve();
    const flush = async () => {
      // The identifiers first seen since the last flush: sealed on a worker while this thread goes on.
      const sealing = sealer.complete();
      sealing.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
      // Taken now (z-scores computed here) while the previous batch's COPY runs on the server.
      const newFacilities = facilities.take();
      const written = direct?.take();
      const encoded = written?.measurements ? encodeMeasurements(written.measurements, anthroOut) : undefined;
      if (encoded) report.measurementsFlagged += encoded.flagged;
      const staged = batch.size > 0 ? batch.take() : undefined;
      if (staged) report.measurementsFlagged += staged.flagged;
      await copying;
      copying = (async () => {
        // Every identifier sealed so far: a staged row may carry one first sealed for a row written directly.
        const identifiers = await sealing;
        if (newFacilities.puskesmas) await s.copyBinary(FACILITY_TARGETS.puskesmas, newFacilities.puskesmas);
        if (newFacilities.posyandu) await s.copyBinary(FACILITY_TARGETS.posyandu, newFacilities.posyandu);
        // Children before their measurements.
        if (written?.children) await s.copyBinary(CHILD_COPY_TARGET, encodeChildren(written.children));
        if (encoded) await s.copyBinary(MEASUREMENT_COPY_TARGET, encoded.data);
        if (staged) await s.copyCsv(target, staged.csv);
        if (identifiers) await s.copyCsv("import_identifiers (hash, enc)", identifiers);
      })();
      copying.catch(() => {}); // awaited at the next flush or the end; not an unhandled rejection meanwhile
    };

    /** Writes or stages a checked row; true when a batch is full. */
    const deliver = (checked: CheckedRow, posyandu: Facility | undefined): boolean => {
      if (!direct || direct.route(checked, posyandu) === "stage") {
        stageChecked(checked, batch);
        report.rowsStaged++;
      } else report.rowsWrittenDirectly++;
      return batch.size >= batchRows || (direct?.size ?? 0) >= batchRows;
    };

    let readAny = false;
    try {
      for await (const sheet of readSheets(path)) {
        const map = mapColumns(sheet.header);
        const kind = sheetKind(map);
        const info = { name: sheet.name, kind, rows: 0, ignoredColumns: map.unknown };
        report.sheets.push(info);
        if (kind === "other" || (kind === "children" && !sawRegister)) continue;
        if (kind === "monitoring" && !sawRegister) {
          throw new ImportFileError(
            `sheet '${sheet.name}' holds measurements without birth dates, and the file has no child sheet to take them from; missing: ${missingColumns(map, ["birthDate", "name", "sex"])}`,
          );
        }
        readAny = true;
        const label = sheet.name;
        const fields = Object.entries(map.index) as [Field, number][];
        sheet.select(
          fields.map(([, i]) => i),
          leadingChildColumns(fields),
        );
        const reused: RawRecord = {};
        const rejectRow = (rejections: Rejection[]) => {
          report.rowsRejected++;
          report.rejections.push(...rejections);
        };
        const reject = (rowNo: number, field: string, reason: string) =>
          rejectRow([{ sheet: label, rowNo, field, reason }]);
        // The cells of a row that describe the child (all but its measurement): a row repeating
        // those of the last accepted row (files list a child's months one after another) reuses its checks.
        const childCells = fields.filter(([f]) => !MEASUREMENT_FIELDS.has(f)).map(([, i]) => i);
        // The measurement cells: all a repeating row needs read.
        const measurementFields = fields.filter(([f]) => MEASUREMENT_FIELDS.has(f));
        let prev:
          | {
              cells: SheetRow["cells"];
              checked: CheckedRow;
              posyandu: Facility | undefined;
              /** The new child the row was written to directly, if it was. */
              child: NewChild | undefined;
            }
          | undefined;
        for await (const chunk of sheet.chunks)
          for (const row of chunk) {
            info.rows++;
            // Let the event loop hand the COPY in flight more of its data (see YIELD_ROWS).
            if (++report.rowsRead % YIELD_ROWS === 0) await new Promise<void>((r) => setImmediate(r));
            if (prev && sameCells(row.cells, prev.cells, childCells)) {
              const m = checkRepeatRecord(
                recordOf(measurementFields, row.cells, reused),
                row.rowNo,
                label,
                prev.checked,
                kind !== "children",
                today,
              );
              if (Array.isArray(m)) {
                rejectRow(m);
                continue;
              }
              // Most rows: the next month of a child written directly, with nothing else to settle.
              if (prev.child && direct?.addRepeat(prev.child, m)) {
                report.rowsWrittenDirectly++;
                if (direct.size >= batchRows) await flush();
                continue;
              }
              if (deliver(repeatOf(row.rowNo, prev.checked, m), prev.posyandu)) await flush();
              continue;
            }
            let rec = recordOf(fields, row.cells, reused);
            if (kind === "monitoring") {
              const reg = registerEntry(rec, byNik, byName);
              if ("error" in reg) {
                reject(row.rowNo, reg.field, reg.error);
                continue;
              }
              rec = {
                ...reg.entry.rec,
                ...Object.fromEntries(Object.entries(rec).filter(([, v]) => v !== null && v !== "")),
              };
            }
            // Place: district from --district or the file, village by code or name within it.
            let districtCode = opts.district;
            const vcode = text(rec.villageCode);
            if (!districtCode && vcode && levelOfCode(vcode) === "village")
              districtCode = districtOfCode(vcode);
            if (!districtCode) {
              const dname = text(rec.district);
              if (!dname) {
                reject(row.rowNo, "Kab/Kota", "district is empty and no --district was given");
                continue;
              }
              const province = text(rec.province);
              const r =
                places.knownDistrictByNames(dname, province) ??
                (await places.districtByNames(dname, province));
              if (!r.ok) {
                reject(row.rowNo, r.field, r.reason);
                continue;
              }
              districtCode = r.code;
            } else if (opts.district && text(rec.district)) {
              const dname = text(rec.district) as string;
              const province = text(rec.province);
              const r =
                places.knownDistrictByNames(dname, province) ??
                (await places.districtByNames(dname, province));
              if (r.ok && r.code !== opts.district) {
                reject(
                  row.rowNo,
                  "Kab/Kota",
                  `row is in district ${r.code} ("${text(rec.district)}"), not in ${opts.district} given by --district`,
                );
                continue;
              }
            }
            const d = places.loadedDistrict(districtCode) ?? (await places.district(districtCode));
            const village = d
              ? places.village(d, text(rec.village), text(rec.subdistrict), vcode)
              : { ok: false as const, field: "Kode Desa", reason: `no district ${districtCode}` };
            if (!village.ok) {
              reject(row.rowNo, village.field, village.reason);
              continue;
            }
            const checked = checkRecord(
              rec,
              row.rowNo,
              label,
              { districtCode, villageCode: village.code },
              sealer,
              kind !== "children",
              today,
            );
            if (Array.isArray(checked)) {
              rejectRow(checked);
              continue;
            }
            if (!districts.has(districtCode)) {
              await facilities.load(s, districtCode);
              await direct?.load(s, districtCode);
              districts.add(districtCode);
            }
            const posyandu = facilities.resolve(
              districtCode,
              village.code,
              checked.puskesmas,
              checked.posyandu,
            );
            const full = deliver(checked, posyandu);
            // Monitoring rows take their child cells from the register: never a repeat.
            if (kind !== "monitoring")
              prev = { cells: row.cells, checked, posyandu, child: direct?.lastChild };
            if (full) await flush();
          }
      }
      await flush();
    } finally {
      // Never leave a COPY running behind an error: the rollback waits for it.
      await copying.catch(() => {});
    }
    await copying;
    if (!readAny) {
      const described = report.sheets.map((sh) => `'${sh.name || basename(path)}'`).join(", ");
      throw new ImportFileError(
        `no sheet of ${described} has the columns of a measurement file; expected at least Nama, Tgl Lahir, JK, Tanggal Pengukuran and Berat or Tinggi`,
      );
    }
    report.fileSha256 = await fileHash;
    report.districts = [...districts].sort();
    report.puskesmasCreated = facilities.puskesmasCreated;
    report.posyanduCreated = facilities.posyanduCreated;
    if (direct) {
      report.childrenCreated = direct.childrenCreated;
      report.measurementsAdded = direct.measurementsAdded;
      report.rowsRepeated = direct.rowsRepeated;
      report.likelyDuplicates.push(...direct.likelyDuplicates);
    }
    phase("readAndWrite");
    if (batch.counts.withNik + batch.counts.withoutNik > 0) {
      await mergeStage(s, report, importId, {
        ...batch.counts,
        identityMatches: batch.takeIdentityMatches(),
        nikAttached: direct?.takeNikAttached() ?? null,
        handedOver: direct?.takeHandedOver() ?? null,
        handedOverMeasured: direct?.stagedMeasured ?? 0,
      });
      report.likelyDuplicates.sort((a, b) => a.rowNo - b.rowNo);
    } else {
      const attached = direct?.takeNikAttached();
      if (attached) await applyNikAttached(s, attached);
    }
    phase("merge");
  };

  await database
    .withSession(async (s) => {
      // The staging tables of a large file are scanned several times: keep them in memory where the
      // session still allows it (the setting is fixed once a session has used a temporary table).
      await sql
        .raw("SET temp_buffers = '256MB'")
        .execute(s.db)
        .catch(() => {});
      await s.db.transaction().execute(async (trx) => {
        const session: Session = { ...s, db: trx };
        await run(session);
        if (opts.dryRun) {
          // Roll everything back: a dry run leaves no trace.
          throw new DryRunDone();
        }
        // Refreshed right after the commit (below); marked so that a stop in between is caught.
        await markRollupsPending(session, report.districts);
        report.importId = importId;
        report.durationMs = Math.round(performance.now() - t0);
        await trx
          .insertInto("imports")
          .values({
            id: importId,
            district_code: report.districts.length === 1 ? report.districts[0] : (opts.district ?? null),
            file_name: report.fileName,
            file_sha256: report.fileSha256,
            status: "committed",
            finished_at: new Date(),
            rows_read: report.rowsRead,
            rows_rejected: report.rowsRejected,
            children_created: report.childrenCreated,
            children_updated: report.childrenUpdated,
            measurements_added: report.measurementsAdded,
            measurements_updated: report.measurementsUpdated,
            measurements_unchanged: report.measurementsUnchanged,
            report: JSON.stringify({ ...report, rejections: report.rejections.slice(0, 1000) }),
            created_by: opts.createdBy ?? null,
          })
          .execute();
      });
    })
    .catch((err) => {
      if (!(err instanceof DryRunDone)) throw err;
    })
    .finally(() => sealer.close());
  phase("commit");
  report.landedMs = Math.round(performance.now() - t0);
  if (report.importId) {
    try {
      await refreshRollupsAndClear(database, report.districts);
    } catch (err) {
      throw new RollupRefreshError(
        `the file was imported (import ${report.importId}), but refreshing the roll-ups of ${report.districts.join(", ")} failed: ${(err as Error).message}. They stay marked for a refresh: run 'tumbuh check --refresh' (the server also refreshes them when it starts).`,
      );
    }
    phase("rollups");
  }
  report.durationMs = Math.round(performance.now() - t0);
  return report;
}

/** The file landed but the roll-up refresh after it failed (the districts stay marked pending). */
export class RollupRefreshError extends Error {}

class DryRunDone extends Error {}

/**
 * Rows checked between two turns of the event loop. The COPY of the previous batch is sent
 * while this thread checks the next one, but its data only reaches the socket when the event
 * loop runs; a chunk of the file (about 3,000 rows, 30 ms) without a turn starves the server.
 * Turning every 256 rows (~2.5 ms) keeps it busy: read + write of a 1,000,000-row file on
 * PostgreSQL 13.2 → 9.8 s, time spent waiting for the server 4.2 → 0.2 s.
 */
const YIELD_ROWS = 256;

function registerEntry(
  rec: RawRecord,
  byNik: Map<string, RegisterEntry>,
  byName: Map<string, RegisterEntry[]>,
): { entry: RegisterEntry } | { error: string; field: string } {
  const nik = parseIdentifier(rec.nik);
  if (nik.ok && nik.value) {
    const e = byNik.get(nik.value);
    if (e) return { entry: e };
  }
  const name = text(rec.name);
  if (!name)
    return { field: "NIK", error: "no NIK of a child in the child sheet and no name to find the child by" };
  const list = byName.get(personKey(name)) ?? [];
  if (list.length === 1) return { entry: list[0] };
  if (list.length === 0) return { field: "Nama", error: `no child named "${name}" in the child sheet` };
  return {
    field: "Nama",
    error: `${list.length} children named "${name}" in the child sheet (rows ${list.map((l) => l.rowNo).join(", ")}); give the NIK`,
  };
}

async function count(s: Session, query: string): Promise<number> {
  const t = performance.now();
  const r = await sql.raw<{ n: number }>(query).execute(s.db);
  if (process.env.TUMBUH_TRACE_SQL)
    console.error(Math.round(performance.now() - t), query.slice(0, 60).replace(/\s+/g, " "));
  return Number(r.rows[0]?.n ?? 0);
}

/** What staging saw, so the merge need not count it again. */
export interface StageCounts {
  /** Rows staged with a measurement. */
  measured: number;
  /** Rows staged with a NIK, and without. */
  withNik: number;
  withoutNik: number;
  /** CSV lines (district_code, child_key, nik_child_key) for children also written without NIK. */
  identityMatches: string;
  /** Binary COPY data (district_code, id, nik_hash, nik_enc): NIKs for children written directly without one. */
  nikAttached: Buffer | null;
  /** Binary COPY data (district_code, id): children written directly whose later rows were staged. */
  handedOver: Buffer | null;
  /** Staged rows with a measurement of those children. */
  handedOverMeasured: number;
}

/** Gives children written directly without NIK the NIK a later row of the file gave them. */
async function applyNikAttached(s: Session, data: Buffer): Promise<void> {
  await sql
    .raw(
      "CREATE TEMP TABLE import_nik_attached (district_code text, id uuid, nik_hash text, nik_enc text) ON COMMIT DROP",
    )
    .execute(s.db);
  await s.copyBinary("import_nik_attached (district_code, id, nik_hash, nik_enc)", data);
  await sql
    .raw(`UPDATE children c SET nik_hash = a.nik_hash, nik_enc = a.nik_enc FROM import_nik_attached a
      WHERE c.district_code = a.district_code AND c.id = a.id`)
    .execute(s.db);
}

/** Set-based merge of the staged rows into the tables; fills the counts of the report. */
async function mergeStage(
  s: Session,
  report: ImportReport,
  importId: string,
  staged: StageCounts,
): Promise<void> {
  const exec = async (q: string) => {
    const t = performance.now();
    await sql.raw(q).execute(s.db);
    if (process.env.TUMBUH_TRACE_SQL)
      console.error(Math.round(performance.now() - t), q.slice(0, 60).replace(/\s+/g, " "));
  };
  // Sorts and hashes of a whole file in memory rather than in temporary files (this transaction only).
  await exec("SET LOCAL work_mem = '128MB'");
  // Statistics for the columns the merge joins and groups on only: the rest is never filtered on.
  await exec(
    "ANALYZE import_stage (district_code, child_key, village_code, posyandu_key, nik_hash, name_key, sex, birth_date, measured_on)",
  );

  // A child written without NIK on some rows and with it on others is one child (pairs found while staging).
  const matches = staged.identityMatches;
  if (matches) {
    await exec(
      "CREATE TEMP TABLE import_identity (district_code text, child_key text, nik_child_key text) ON COMMIT DROP",
    );
    await s.copyCsv("import_identity (district_code, child_key, nik_child_key)", matches);
    await exec(`
    UPDATE import_stage st SET child_key = m.nik_child_key FROM import_identity m
    WHERE st.nik_hash IS NULL AND st.district_code = m.district_code AND st.child_key = m.child_key`);
  }

  // Children written directly by this import: a NIK a later row gave them, and those whose later
  // rows were staged (their updates and repeated dates are not counted as changes of stored data).
  if (staged.nikAttached) await applyNikAttached(s, staged.nikAttached);
  await exec("CREATE TEMP TABLE import_direct (district_code text, id uuid) ON COMMIT DROP");
  if (staged.handedOver) await s.copyBinary("import_direct (district_code, id)", staged.handedOver);

  await exec("CREATE INDEX ON import_identifiers (hash)");
  // One row per child: the attributes of its last row in the file.
  await exec(`
    CREATE TEMP TABLE import_children ON COMMIT DROP AS
    SELECT c.district_code, c.child_key, c.row_no, c.village_code, c.posyandu_id,
      c.nik_hash, (SELECT i.enc FROM import_identifiers i WHERE i.hash = c.nik_hash LIMIT 1) AS nik_enc,
      c.kk_hash, (SELECT i.enc FROM import_identifiers i WHERE i.hash = c.kk_hash LIMIT 1) AS kk_enc,
      c.mother_nik_hash,
      (SELECT i.enc FROM import_identifiers i WHERE i.hash = c.mother_nik_hash LIMIT 1) AS mother_nik_enc,
      c.name, c.name_key, c.sex, c.birth_date, c.birth_weight, c.birth_length, c.mother_name,
      c.rt, c.rw, c.address, NULL::uuid AS child_id, false AS is_new
    FROM (
      SELECT DISTINCT ON (st.district_code, st.child_key)
        st.district_code, st.child_key, st.row_no, st.village_code, py.id AS posyandu_id,
        -- The NIK is the child's key: kept even when its last row comes without one.
        CASE WHEN st.child_key LIKE 'n:%' THEN substr(st.child_key, 3) END AS nik_hash,
        st.kk_hash, st.mother_nik_hash,
        st.name, st.name_key, st.sex, st.birth_date, st.birth_weight, st.birth_length, st.mother_name,
        st.rt, st.rw, st.address
      FROM import_stage st
      LEFT JOIN posyandu py ON py.district_code = st.district_code AND py.village_code = st.village_code
        AND py.search_name = st.posyandu_key
      ORDER BY st.district_code, st.child_key, st.row_no DESC) c`);
  await exec("ANALYZE import_children");

  // Match existing children: by NIK hash, else by normalised name + birth date + sex + village.
  await exec(`
    UPDATE import_children s SET child_id = c.id FROM children c
    WHERE s.nik_hash IS NOT NULL AND c.district_code = s.district_code AND c.nik_hash = s.nik_hash`);
  await exec(`
    UPDATE import_children s SET child_id = c.id FROM children c
    WHERE s.child_id IS NULL AND c.district_code = s.district_code AND c.name_key = s.name_key
      AND c.birth_date = s.birth_date AND c.sex = s.sex AND c.village_code = s.village_code
      AND (c.nik_hash IS NULL OR s.nik_hash IS NULL)`);

  // Likely duplicates: reported, never merged.
  const tDup = performance.now();
  const dups = await sql
    .raw<{ row_no: number; name: string; birth_date: string; reason: string }>(`
    SELECT s.row_no, s.name, s.birth_date::text AS birth_date,
      CASE WHEN c.village_code = s.village_code THEN 'same name, birth date, sex and village as an existing child with a different NIK'
           ELSE 'same name, birth date and sex as an existing child in village ' || c.village_code END AS reason
    FROM import_children s
    JOIN children c ON c.district_code = s.district_code AND c.name_key = s.name_key
      AND c.birth_date = s.birth_date AND c.sex = s.sex
    WHERE s.child_id IS NULL
    UNION ALL
    SELECT a.row_no, a.name, a.birth_date::text, 'same name, birth date and sex as the child of row ' || b.row_no || ' in this file'
    FROM import_children a JOIN import_children b ON a.district_code = b.district_code AND a.name_key = b.name_key
      AND a.birth_date = b.birth_date AND a.sex = b.sex AND a.child_key > b.child_key
    ORDER BY 1 LIMIT 10000`)
    .execute(s.db);
  if (process.env.TUMBUH_TRACE_SQL) console.error(Math.round(performance.now() - tDup), "likely duplicates");
  report.likelyDuplicates.push(
    ...dups.rows.map((d) => ({
      rowNo: d.row_no,
      name: d.name,
      birthDate: d.birth_date,
      reason: d.reason,
    })),
  );

  await exec(`UPDATE import_children SET child_id = tumbuh_uuid7(), is_new = true WHERE child_id IS NULL`);
  report.childrenCreated += await count(
    s,
    `WITH ins AS (
      INSERT INTO children (district_code, id, village_code, posyandu_id, nik_hash, nik_enc, kk_hash, kk_enc,
        name, name_key, sex, birth_date, birth_weight, birth_length, mother_name, mother_nik_hash, mother_nik_enc, rt, rw, address)
      SELECT district_code, child_id, village_code, posyandu_id, nik_hash, nik_enc, kk_hash, kk_enc,
        name, name_key, sex, birth_date, birth_weight, birth_length, mother_name, mother_nik_hash, mother_nik_enc, rt, rw, address
      FROM import_children WHERE is_new RETURNING 1)
    SELECT count(*) AS n FROM ins`,
  );
  // Existing children: the file's values replace stored ones; a value the file leaves empty keeps the stored one.
  report.childrenUpdated = await count(
    s,
    `WITH up AS (
      UPDATE children c SET
        village_code = s.village_code, posyandu_id = coalesce(s.posyandu_id, c.posyandu_id),
        nik_hash = coalesce(s.nik_hash, c.nik_hash),
        nik_enc = CASE WHEN s.nik_hash IS NULL OR s.nik_hash = c.nik_hash THEN c.nik_enc ELSE s.nik_enc END,
        kk_hash = coalesce(s.kk_hash, c.kk_hash),
        kk_enc = CASE WHEN s.kk_hash IS NULL OR s.kk_hash = c.kk_hash THEN c.kk_enc ELSE s.kk_enc END,
        mother_nik_hash = coalesce(s.mother_nik_hash, c.mother_nik_hash),
        mother_nik_enc = CASE WHEN s.mother_nik_hash IS NULL OR s.mother_nik_hash = c.mother_nik_hash THEN c.mother_nik_enc ELSE s.mother_nik_enc END,
        name = s.name, name_key = s.name_key, sex = s.sex, birth_date = s.birth_date,
        birth_weight = coalesce(s.birth_weight, c.birth_weight), birth_length = coalesce(s.birth_length, c.birth_length),
        mother_name = coalesce(s.mother_name, c.mother_name), rt = coalesce(s.rt, c.rt), rw = coalesce(s.rw, c.rw),
        address = coalesce(s.address, c.address), updated_at = now(), version = c.version + 1
      FROM import_children s
      WHERE NOT s.is_new AND c.district_code = s.district_code AND c.id = s.child_id
        AND (c.village_code, c.posyandu_id, c.nik_hash, c.kk_hash, c.mother_nik_hash, c.name, c.sex, c.birth_date,
             c.birth_weight, c.birth_length, c.mother_name, c.rt, c.rw, c.address)
        IS DISTINCT FROM
            (s.village_code, coalesce(s.posyandu_id, c.posyandu_id), coalesce(s.nik_hash, c.nik_hash),
             coalesce(s.kk_hash, c.kk_hash), coalesce(s.mother_nik_hash, c.mother_nik_hash), s.name, s.sex, s.birth_date,
             coalesce(s.birth_weight, c.birth_weight), coalesce(s.birth_length, c.birth_length),
             coalesce(s.mother_name, c.mother_name), coalesce(s.rt, c.rt), coalesce(s.rw, c.rw), coalesce(s.address, c.address))
      RETURNING c.id)
    SELECT count(*) AS n FROM up WHERE id NOT IN (SELECT id FROM import_direct)`,
  );
  report.childrenUnchanged =
    (await count(
      s,
      "SELECT count(*) AS n FROM import_children WHERE NOT is_new AND child_id NOT IN (SELECT id FROM import_direct)",
    )) - report.childrenUpdated;

  // Measurements: one per child and date (the file's last row for it counts).
  const insertCols = `(district_code, id, child_id, village_code, posyandu_id, measured_on, age_days,
        weight, lenhei, measure, oedema, headc, armc, zlen, zwei, zwfl, zbmi, zhc, zac, flen, fwei, fwfl, fbmi,
        status_tbu, status_bbu, status_bbtb, status_imtu, source, import_id)`;
  const insertValues = `SELECT district_code, tumbuh_uuid7(), child_id, village_code, posyandu_id, measured_on, age_days,
        weight, lenhei, measure, oedema, headc, armc, zlen, zwei, zwfl, zbmi, zhc, zac, flen, fwei, fwfl, fbmi,
        status_tbu, status_bbu, status_bbtb, status_imtu, 'eppgbm_import', '${importId}'::uuid FROM m`;
  const tM = performance.now();
  const counts = await sql
    .raw<{ added: number; added_direct: number; changed: number; total: number; total_direct: number }>(`
    WITH m AS (
      SELECT DISTINCT ON (st.district_code, ch.child_id, st.measured_on)
        st.district_code, ch.child_id, st.village_code, py.id AS posyandu_id, st.measured_on, st.age_days,
        st.weight, st.lenhei, st.measure, st.oedema, st.headc, st.armc, st.zlen, st.zwei, st.zwfl, st.zbmi,
        st.zhc, st.zac, st.flen, st.fwei, st.fwfl, st.fbmi, st.status_tbu, st.status_bbu, st.status_bbtb,
        st.status_imtu, ch.is_new, ch.child_id IN (SELECT id FROM import_direct) AS direct
      FROM import_stage st
      JOIN import_children ch ON ch.district_code = st.district_code AND ch.child_key = st.child_key
      LEFT JOIN posyandu py ON py.district_code = st.district_code AND py.village_code = st.village_code
        AND py.search_name = st.posyandu_key
      WHERE st.measured_on IS NOT NULL
      ORDER BY st.district_code, ch.child_id, st.measured_on, st.row_no DESC
    ), fresh AS (
      -- A new child has no measurements yet: a plain insert, no conflict to look for.
      INSERT INTO measurements ${insertCols} ${insertValues} WHERE is_new RETURNING 1
    ), up AS (
      INSERT INTO measurements AS x ${insertCols} ${insertValues} WHERE NOT is_new
      ON CONFLICT (district_code, child_id, measured_on) DO UPDATE SET
        village_code = EXCLUDED.village_code, posyandu_id = EXCLUDED.posyandu_id, age_days = EXCLUDED.age_days,
        weight = EXCLUDED.weight, lenhei = EXCLUDED.lenhei, measure = EXCLUDED.measure, oedema = EXCLUDED.oedema,
        headc = EXCLUDED.headc, armc = EXCLUDED.armc, zlen = EXCLUDED.zlen, zwei = EXCLUDED.zwei,
        zwfl = EXCLUDED.zwfl, zbmi = EXCLUDED.zbmi, zhc = EXCLUDED.zhc, zac = EXCLUDED.zac, flen = EXCLUDED.flen,
        fwei = EXCLUDED.fwei, fwfl = EXCLUDED.fwfl, fbmi = EXCLUDED.fbmi, status_tbu = EXCLUDED.status_tbu,
        status_bbu = EXCLUDED.status_bbu, status_bbtb = EXCLUDED.status_bbtb, status_imtu = EXCLUDED.status_imtu,
        source = EXCLUDED.source, import_id = EXCLUDED.import_id, updated_at = now(), version = x.version + 1
      WHERE (x.village_code, x.posyandu_id, x.age_days, x.weight, x.lenhei, x.measure, x.oedema, x.headc, x.armc,
             x.zlen, x.zwei, x.zwfl, x.zbmi, x.zhc, x.zac)
        IS DISTINCT FROM (EXCLUDED.village_code, EXCLUDED.posyandu_id, EXCLUDED.age_days, EXCLUDED.weight, EXCLUDED.lenhei,
             EXCLUDED.measure, EXCLUDED.oedema, EXCLUDED.headc, EXCLUDED.armc, EXCLUDED.zlen, EXCLUDED.zwei,
             EXCLUDED.zwfl, EXCLUDED.zbmi, EXCLUDED.zhc, EXCLUDED.zac)
      RETURNING (x.xmax = 0) AS inserted, x.child_id IN (SELECT id FROM import_direct) AS direct)
    SELECT (SELECT count(*) FROM fresh) + count(*) FILTER (WHERE inserted) AS added,
      count(*) FILTER (WHERE inserted AND direct) AS added_direct,
      count(*) FILTER (WHERE NOT inserted AND NOT direct) AS changed,
      (SELECT count(*) FROM m) AS total, (SELECT count(*) FROM m WHERE direct) AS total_direct FROM up`)
    .execute(s.db);
  if (process.env.TUMBUH_TRACE_SQL) console.error(Math.round(performance.now() - tM), "measurements upsert");
  const c = counts.rows[0];
  // Rows of children written directly count in the direct path's figures: only their new dates here.
  const others = Number(c.total) - Number(c.total_direct);
  const addedOthers = Number(c.added) - Number(c.added_direct);
  report.measurementsAdded += Number(c.added);
  report.measurementsUpdated = Number(c.changed);
  report.measurementsUnchanged = others - addedOthers - report.measurementsUpdated;
  report.rowsRepeated += staged.measured - staged.handedOverMeasured - others;
}

/** The rejections as CSV (row, sheet, field, reason), as written next to the summary. */
export function rejectionsCsv(report: ImportReport): string {
  return toCsv(
    ["row", "sheet", "field", "reason"],
    report.rejections.map((r) => [r.rowNo, r.sheet, r.field, r.reason]),
  );
}

/** A short human summary of a report (Bahasa Indonesia labels with English). */
export function summaryText(report: ImportReport): string {
  const l = [
    `${report.dryRun ? "DRY RUN (nothing written)" : "imported"}: ${report.fileName}`,
    `districts: ${report.districts.join(", ") || "-"}`,
    `rows read: ${report.rowsRead}, rejected: ${report.rowsRejected}, repeated: ${report.rowsRepeated}`,
    `children created: ${report.childrenCreated}, updated: ${report.childrenUpdated}, unchanged: ${report.childrenUnchanged}`,
    `measurements added: ${report.measurementsAdded}, updated: ${report.measurementsUpdated}, unchanged: ${report.measurementsUnchanged}, flagged implausible: ${report.measurementsFlagged}`,
    `puskesmas created: ${report.puskesmasCreated}, posyandu created: ${report.posyanduCreated}`,
    `likely duplicates: ${report.likelyDuplicates.length}`,
  ];
  for (const sh of report.sheets) {
    if (sh.ignoredColumns.length)
      l.push(`sheet ${sh.name || "(csv)"}: columns not used: ${sh.ignoredColumns.join(", ")}`);
  }
  for (const d of report.likelyDuplicates.slice(0, 20))
    l.push(`  row ${d.rowNo}: ${d.name} (${d.birthDate}): ${d.reason}`);
  l.push(`time: ${(report.durationMs / 1000).toFixed(1)} s`);
  return `${l.join("\n")}\n`;
}
