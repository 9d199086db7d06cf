/**
 * Import of measurement files (e-PPGBM flat export, e-PPGBM child + monitoring sheets, district
 * CSVs), from start to end:
 * 1. the child sheets of a two-sheet workbook are read first (register.ts);
 * 2. in one transaction, every measurement row is read, placed and checked (read-rows.ts) and
 *    written (writer.ts): rows of children new to the database straight into the tables by
 *    binary COPY (direct.ts), the others staged by COPY (stage.ts);
 * 3. the staged rows are merged by set-based SQL — matching, updates, likely duplicates
 *    (merge.ts) — and the import is recorded; the transaction commits, so a file lands
 *    completely or not at all;
 * 4. the roll-ups of its districts are refreshed right after the commit, in a transaction of
 *    their own (db/repositories/rollup-pending.ts).
 * All SQL is in db/repositories/import-*.ts.
 */
import { randomUUID } from "node:crypto";
import { basename } from "node:path";
import { levelOfCode, todayInIndonesia, userMessage } from "@tumbuh/core";
import type { Database } from "../db/connection.ts";
import { warmFiguresThread } from "../db/figures-thread.ts";
import { loadPiiKeys, type PiiKeys } from "../db/pii.ts";
import { mergedChildrenSql } from "../db/repositories/import-merge.ts";
import { inImportTransaction, recordImport } from "../db/repositories/import-record.ts";
import { Repositories } from "../db/repositories/index.ts";
import { lockRollups, refreshLockedRollups } from "../db/repositories/rollup-refresh.ts";
import { NeedsStagedImport } from "./direct.ts";
import { ImportFileError } from "./errors.ts";
import { sha256File } from "./file-hash.ts";
import { IMPORT_LIMITS, type ImportLimits } from "./limits.ts";
import { ImportMemo } from "./memo.ts";
import { mergeStage } from "./merge.ts";
import { PlaceResolver } from "./places.ts";
import { readRows } from "./read-rows.ts";
import { ChildRegister } from "./register.ts";
import { emptyReport, type ImportReport, PhaseClock } from "./report.ts";
import { IdentifierSealer } from "./sealing.ts";
import { ImportWriter } from "./writer.ts";

export { ImportFileError } from "./errors.ts";
export { IMPORT_LIMITS, ImportLimitError } from "./limits.ts";
export { flagsCsv, type ImportReport, rejectionsCsv, summaryText } from "./report.ts";

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
  /** The day imports are checked against (dates after it are rejected); default today in Indonesia. */
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
  /**
   * Runs inside the import's transaction just before it commits (not on a dry run), with the
   * repositories bound to it: what it writes (the audit entry, the upload's status) lands with
   * the file's data or not at all.
   */
  beforeCommit?: (tx: Repositories, report: ImportReport) => Promise<void>;
  /** The file limits (default IMPORT_LIMITS; tests lower them). */
  limits?: ImportLimits;
}

/**
 * Imports a measurement file and returns its report. Without `dryRun`, children, posyandu,
 * puskesmas and measurements are written in one transaction with the refreshed roll-ups of the
 * affected districts (all of it lands, or nothing); with it, the same checks run and nothing is
 * kept.
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

/** Thrown inside the transaction of a dry run to roll it back. */
class DryRunDone extends Error {}

async function importOnce(database: Database, path: string, opts: ImportOptions): Promise<ImportReport> {
  const report = emptyReport(opts.fileName ?? basename(path), !!opts.dryRun);
  const clock = new PhaseClock(report);
  await checkDistrictOption(database, opts.district);
  // Hashed on another thread while this one reads the file.
  const fileHash = sha256File(path);
  fileHash.catch(() => {}); // awaited after the rows are read; not an unhandled rejection before
  const importId = randomUUID();
  // Everything the import remembers lives in these objects, dropped with it.
  const memo = new ImportMemo();
  const limits = opts.limits ?? IMPORT_LIMITS;
  const register = await ChildRegister.read(path, memo, limits);
  const sealer = new IdentifierSealer(opts.keys ?? loadPiiKeys(database.dataDir));
  // Ready by the time the figures are computed, at the end of the transaction.
  if (!opts.dryRun) warmFiguresThread();
  try {
    await inImportTransaction(database, async (s) => {
      const writer = new ImportWriter(s, report, sealer, memo, {
        importId,
        batchRows: opts.batchRows ?? 20_000,
        stagedOnly: !!opts.stagedOnly,
        directChildren: opts.directChildren,
        lockDistricts: !opts.dryRun,
      });
      await writer.open();
      const source = {
        path,
        district: opts.district,
        today: opts.today ?? todayInIndonesia(new Date()),
        register,
        // Inside the session: on PGlite the session holds the only connection.
        places: new PlaceResolver(s),
        sealer,
        memo,
        limits,
      };
      try {
        await readRows(source, writer, report);
        await writer.finish();
      } finally {
        // Never leave a COPY running behind an error: the rollback waits for it.
        await writer.settle();
      }
      report.fileSha256 = await fileHash;
      clock.phase("readAndWrite");
      await mergeStage(s, report, importId, writer.stagedWork());
      clock.phase("merge");
      // A dry run rolls everything back: it leaves no trace.
      if (opts.dryRun) throw new DryRunDone();
      // The figures land with the rows: prevalence, SKDN and quality of the districts touched,
      // from the rows kept while writing when the file wrote a district from nothing.
      // Children the merge matched or created are read back; the rest are as written.
      const known = new Map(
        [...writer.knownRows()].map(([d, rows]) => [
          d,
          { rows, reload: report.rowsStaged > 0 ? mergedChildrenSql(d) : undefined },
        ]),
      );
      await lockRollups(s, report.districts);
      const sources = await refreshLockedRollups(s, report.districts, {
        known,
        copy: (target, data) => s.copyBinary(target, data),
      });
      report.figuresFromRows = [...sources].filter(([, from]) => from === "known").map(([d]) => d);
      clock.phase("rollups");
      report.importId = importId;
      report.durationMs = clock.elapsed();
      await recordImport(s, {
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
        report: JSON.stringify({
          ...report,
          rejections: report.rejections.slice(0, 1000),
          flags: report.flags.slice(0, 1000),
        }),
        created_by: opts.createdBy ?? null,
      });
      if (opts.beforeCommit) await opts.beforeCommit(new Repositories(s.db), report);
    });
  } catch (err) {
    if (!(err instanceof DryRunDone)) throw err;
  } finally {
    await sealer.close();
  }
  clock.phase("commit");
  report.landedMs = clock.elapsed();
  report.durationMs = clock.elapsed();
  return report;
}

/** Checks --district: a district code the database knows. */
async function checkDistrictOption(database: Database, district: string | undefined): Promise<void> {
  if (!district) return;
  if (levelOfCode(district) !== "district")
    throw new ImportFileError(
      `--district: found '${district}', expected a district code such as 35.03`,
      userMessage("region.notDistrict", { code: district }),
    );
  if (!(await new PlaceResolver(database).district(district)))
    throw new ImportFileError(
      `--district: no district with code '${district}' (are the regions loaded?)`,
      userMessage("region.unknown", { code: district }),
    );
}
