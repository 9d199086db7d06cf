/**
 * Reading a file's measurement rows, sheet by sheet: each row is placed (row-place.ts), checked
 * (check.ts) and handed to the writer (writer.ts), or rejected into the report. A row repeating
 * the child columns of the accepted row before it (files list a child's months one after
 * another) has only its measurement read and checked.
 */

import { basename } from "node:path";
import { userMessage } from "@tumbuh/core";
import { checkRecord, checkRepeatRecord, type RowContext, repeatOf } from "./check.ts";
import {
  type CheckedRow,
  type RawRecord,
  type Rejection,
  type RowProblem,
  rejection,
} from "./checked-row.ts";
import { mapColumns, type SheetKind, sheetKind } from "./columns.ts";
import { ImportFileError } from "./errors.ts";
import type { Facility } from "./facilities.ts";
import { type ImportLimits, tooManyRows } from "./limits.ts";
import type { ImportMemo } from "./memo.ts";
import type { NewChild } from "./new-child.ts";
import type { PlaceResolver } from "./places.ts";
import { readSheets, type Sheet, type SheetRow } from "./read.ts";
import {
  type FieldCells,
  fieldCells,
  leadingChildColumns,
  MEASUREMENT_FIELDS,
  missingColumns,
  recordOf,
  sameCells,
} from "./records.ts";
import type { ChildRegister } from "./register.ts";
import type { ImportReport } from "./report.ts";
import { placeOfRow } from "./row-place.ts";
import type { IdentifierSealer } from "./sealing.ts";
import type { ImportWriter } from "./writer.ts";

/**
 * Rows checked between two turns of the event loop. The COPY of the previous batch is sent
 * while this thread checks the next one, but its data only reaches the socket when the event
 * loop runs; a chunk of the file (about 3,000 rows, 30 ms) without a turn starves the server.
 * Turning every 256 rows (~2.5 ms) keeps it busy: read + write of a 1,000,000-row file on
 * PostgreSQL 13.2 → 9.8 s, time spent waiting for the server 4.2 → 0.2 s.
 */
const YIELD_ROWS = 256;

export interface RowSource {
  path: string;
  /** --district: the district every row must be in. */
  district: string | undefined;
  today: string;
  register: ChildRegister;
  places: PlaceResolver;
  sealer: IdentifierSealer;
  memo: ImportMemo;
  limits: ImportLimits;
}

/** The accepted row before the current one, for telling a repeating row. */
interface PreviousRow {
  cells: SheetRow["cells"];
  checked: CheckedRow;
  posyandu: Facility | undefined;
  /** The new child the row was written to directly, if it was. */
  child: NewChild | undefined;
}

/** Reads every measurement row of the file into `writer`, counting and rejecting into `report`. */
export async function readRows(source: RowSource, writer: ImportWriter, report: ImportReport): Promise<void> {
  let readAny = false;
  for await (const sheet of readSheets(source.path, source.limits)) {
    const map = mapColumns(sheet.header);
    const kind = sheetKind(map);
    const info = { name: sheet.name, kind, rows: 0, ignoredColumns: map.unknown };
    report.sheets.push(info);
    if (kind === "other" || (kind === "children" && !source.register.present)) continue;
    if (kind === "monitoring" && !source.register.present) {
      throw new ImportFileError(
        `sheet '${sheet.name}' holds measurements without birth dates, and the file has no child sheet to take them from; missing: ${missingColumns(map, ["birthDate", "name", "sex"])}`,
        userMessage("import.monitoringWithoutRegister", {
          sheet: sheet.name,
          columns: missingColumns(map, ["birthDate", "name", "sex"]),
        }),
      );
    }
    readAny = true;
    info.rows = await readSheet(sheet, kind, fieldCells(map), source, writer, report);
  }
  if (!readAny) {
    const described = report.sheets.map((sh) => `'${sh.name || basename(source.path)}'`).join(", ");
    throw new ImportFileError(
      `no sheet of ${described} has the columns of a measurement file; expected at least Nama, Tgl Lahir, JK, Tanggal Pengukuran and Berat or Tinggi`,
      userMessage("import.noMeasurementSheet", { sheets: described }),
    );
  }
}

/** Reads one sheet's rows; returns how many it has. */
async function readSheet(
  sheet: Sheet,
  kind: SheetKind,
  fields: FieldCells,
  source: RowSource,
  writer: ImportWriter,
  report: ImportReport,
): Promise<number> {
  const ctx: RowContext = {
    sheet: sheet.name,
    requireMeasurement: kind !== "children",
    today: source.today,
    sealer: source.sealer,
    memo: source.memo,
  };
  sheet.select(
    fields.map(([, i]) => i),
    leadingChildColumns(fields),
  );
  const reused: RawRecord = {};
  const rejectRow = (rejections: Rejection[]) => {
    report.rowsRejected++;
    report.rejections.push(...rejections);
  };
  const reject = (rowNo: number, p: RowProblem) =>
    rejectRow([rejection(sheet.name, rowNo, p.field, p.code, p.params, p.value)]);
  // The cells of a row that describe the child (all but its measurement), and its measurement fields.
  const childCells = fields.filter(([f]) => !MEASUREMENT_FIELDS.has(f)).map(([, i]) => i);
  const measurementFields = fields.filter(([f]) => MEASUREMENT_FIELDS.has(f));
  let prev: PreviousRow | undefined;
  let rows = 0;
  for await (const chunk of sheet.chunks)
    for (const row of chunk) {
      rows++;
      // Let the event loop hand the COPY in flight more of its data (see YIELD_ROWS).
      if (++report.rowsRead % YIELD_ROWS === 0) {
        if (report.rowsRead > source.limits.rows) throw tooManyRows(source.limits.rows, report.rowsRead);
        await new Promise<void>((r) => setImmediate(r));
      }
      if (prev && sameCells(row.cells, prev.cells, childCells)) {
        const m = checkRepeatRecord(
          recordOf(measurementFields, row.cells, reused),
          row.rowNo,
          prev.checked,
          ctx,
        );
        if (Array.isArray(m)) {
          rejectRow(m);
          continue;
        }
        // Most rows: the next month of a child written directly, with nothing else to settle.
        if (writer.addRepeat(prev.child, m, row.rowNo)) {
          if (writer.full) await writer.flush();
          continue;
        }
        if (writer.deliver(repeatOf(row.rowNo, prev.checked, m), prev.posyandu)) await writer.flush();
        continue;
      }
      let rec = recordOf(fields, row.cells, reused);
      if (kind === "monitoring") {
        const completed = source.register.complete(rec);
        if ("problem" in completed) {
          reject(row.rowNo, completed.problem);
          continue;
        }
        rec = completed.rec;
      }
      const place = await placeOfRow(rec, source.places, source.district);
      if (!place.ok) {
        reject(row.rowNo, place);
        continue;
      }
      const checked = checkRecord(rec, row.rowNo, place, ctx);
      if (Array.isArray(checked)) {
        rejectRow(checked);
        continue;
      }
      if (!writer.hasDistrict(place.districtCode)) await writer.addDistrict(place.districtCode);
      const posyandu = writer.facilities.resolve(
        place.districtCode,
        place.villageCode,
        checked.puskesmas,
        checked.posyandu,
      );
      const full = writer.deliver(checked, posyandu);
      // Monitoring rows take their child cells from the register: never a repeat.
      if (kind !== "monitoring") prev = { cells: row.cells, checked, posyandu, child: writer.lastChild };
      if (full) await writer.flush();
    }
  return rows;
}
