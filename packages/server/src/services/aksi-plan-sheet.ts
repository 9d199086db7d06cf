/**
 * The plan's XLSX: the export (the columns of core/programme/rencana.ts ACTIVITY_COLUMNS, one row
 * per activity) and the import of a CSV/XLSX in the same layout — a dry run reports every row's
 * errors and saves nothing; a real run saves every activity, or none when any row has an error.
 * The uploaded file waits in the upload folder only while it is read.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { extname, join } from "node:path";
import type { Readable } from "node:stream";
import { sheetName, userMessage } from "@tumbuh/core";
import type { PlanImportResponse } from "@tumbuh/core/api";
import { ACTIVITY_COLUMNS, activityToRow, parseActivitySheet } from "@tumbuh/core/programme";
import ExcelJS from "exceljs";
import type { Actor } from "../auth/access.ts";
import { readSheets, type SheetRow } from "../import/read.ts";
import type { AksiCaller } from "./aksi.ts";
import type { AksiPlanService } from "./aksi-plan.ts";
import { badRequest, ServiceError } from "./errors.ts";
import { ensureUploadFolder, writeUpload } from "./upload-files.ts";

/** Rows read from one plan file at most. */
const MAX_ROWS = 5000;

export class AksiPlanSheetService {
  constructor(
    private readonly plan: AksiPlanService,
    /** Folder where an upload waits while it is read. */
    private readonly dir: string,
  ) {}

  /** Reads an uploaded plan file; saves its activities unless `dryRun` or any row has an error. */
  async importFile(
    user: AksiCaller,
    cycleId: string,
    fileName: string,
    file: Readable,
    dryRun: boolean,
  ): Promise<PlanImportResponse> {
    let context: Awaited<ReturnType<AksiPlanService["sheetContext"]>>;
    try {
      context = await this.plan.sheetContext(user, cycleId);
    } catch (e) {
      file.resume();
      throw e;
    }
    const ext = extname(fileName).toLowerCase();
    if (ext !== ".xlsx" && ext !== ".csv") {
      file.resume();
      throw badRequest(
        "file",
        `found '${fileName}', expected a .xlsx or .csv file`,
        userMessage("import.fileType", { name: fileName }),
      );
    }
    ensureUploadFolder(this.dir);
    const path = join(this.dir, `${randomUUID()}${ext}`);
    try {
      await writeUpload(path, file);
      let header: string[] = [];
      const rows: SheetRow[] = [];
      for await (const sheet of readSheets(path)) {
        header = sheet.header;
        for await (const row of sheet.rows) {
          rows.push(row);
          if (rows.length > MAX_ROWS)
            throw badRequest(
              "file",
              `more than ${MAX_ROWS} rows; expected one district's plan`,
              userMessage("aksi.planTooManyRows", { max: MAX_ROWS }),
            );
        }
        break;
      }
      const parsed = parseActivitySheet(header, rows, context);
      const result: PlanImportResponse = {
        dryRun,
        rowsRead: rows.length,
        activities: parsed.activities.length,
        saved: 0,
        errors: parsed.errors,
      };
      if (dryRun) return result;
      if (parsed.errors.length)
        throw new ServiceError(
          "bad_request",
          `file: ${parsed.errors.length} errors in the rows; nothing was saved`,
          { field: "file", errors: parsed.errors.slice(0, 200) },
          userMessage("aksi.planRowErrors", { count: parsed.errors.length }),
        );
      const { saved } = await this.plan.importActivities(
        user,
        cycleId,
        parsed.activities.map((a) => a.activity),
      );
      return { ...result, saved };
    } catch (e) {
      if (e instanceof ServiceError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      throw badRequest("file", message, userMessage("import.fileUnreadable", { detail: message }));
    } finally {
      rmSync(path, { force: true });
    }
  }

  /** The cycle's plan as an XLSX in the import's layout. */
  async exportXlsx(user: Actor, cycleId: string): Promise<{ fileName: string; body: Buffer }> {
    const { cycle, activities } = await this.plan.exportRows(user, cycleId);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(sheetName(`Rencana ${cycle.district_code} ${cycle.year}`));
    ws.addRow(ACTIVITY_COLUMNS.map((c) => c.header));
    ws.getRow(1).font = { bold: true };
    for (const a of activities) ws.addRow(activityToRow(a));
    return {
      fileName: `rencana-kegiatan-${cycle.district_code}-${cycle.year}.xlsx`,
      body: Buffer.from(await wb.xlsx.writeBuffer()),
    };
  }
}
