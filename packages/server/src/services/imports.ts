/**
 * Import of measurement files through the web app: upload → dry-run report → confirm. The file
 * waits on disk between the two steps (an hour at most); confirming imports it for real (one
 * transaction; the roll-ups refreshed right after). Each step is in the audit log.
 */
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { extname, join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { levelOfCode, todayInIndonesia, userMessage } from "@tumbuh/core";
import type { ImportReport, ImportUpload } from "@tumbuh/core/api";
import { AccessDenied, type Actor, checkAccess, hasPermission, requireAccess } from "../auth/access.ts";
import type { UploadRow } from "../db/repositories/imports.ts";
import {
  ImportFileError,
  importMeasurements,
  type ImportReport as PipelineReport,
} from "../import/import.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";
import { badRequest, conflict, notFound, ServiceError } from "./errors.ts";

const REJECTIONS_SHOWN = 500;
const KEEP_MS = 3600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The pipeline's report in the API's shape (first 500 rejections). */
function toApiReport(r: PipelineReport): ImportReport {
  return {
    rowsRead: r.rowsRead,
    childrenCreated: r.childrenCreated,
    childrenUpdated: r.childrenUpdated,
    measurementsAdded: r.measurementsAdded,
    measurementsUpdated: r.measurementsUpdated,
    measurementsUnchanged: r.measurementsUnchanged,
    measurementsFlagged: r.measurementsFlagged,
    posyanduCreated: r.posyanduCreated,
    rowsRepeated: r.rowsRepeated,
    duplicates: r.likelyDuplicates.length,
    likelyDuplicates: r.likelyDuplicates.slice(0, REJECTIONS_SHOWN).map((d) => ({
      row: d.rowNo,
      name: d.name,
      birthDate: d.birthDate,
      reason: d.reason,
    })),
    rejected: r.rejections.slice(0, REJECTIONS_SHOWN).map((x) => ({
      sheet: x.sheet,
      row: x.rowNo,
      field: x.field,
      value: null,
      reason: x.reason,
    })),
    rejectedCount: r.rowsRejected,
  };
}

/** What the audit log keeps of an import: the file (name, SHA-256) and the counts, no rows. */
function importAuditView(r: PipelineReport, api: ImportReport): Record<string, unknown> {
  return {
    fileName: r.fileName,
    fileSha256: r.fileSha256,
    importId: r.importId,
    dryRun: r.dryRun,
    rowsRead: api.rowsRead,
    childrenCreated: api.childrenCreated,
    childrenUpdated: api.childrenUpdated,
    measurementsAdded: api.measurementsAdded,
    measurementsUpdated: api.measurementsUpdated,
    measurementsUnchanged: api.measurementsUnchanged,
    rejected: api.rejectedCount,
  };
}

function toUpload(row: UploadRow): ImportUpload {
  return {
    id: row.id,
    fileName: row.file_name,
    district: row.district_code,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    report: row.report as ImportReport,
  };
}

/** An uploaded file saved for its dry run. */
export interface SavedUpload {
  id: string;
  path: string;
  fileName: string;
}

export class ImportService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Saves an uploaded file (CSV or XLSX) to the upload folder for its dry run; refuses other types
   * and a file the upload limit cut short (413).
   */
  async save(user: Actor, fileName: string, file: Readable & { truncated?: boolean }): Promise<SavedUpload> {
    if (!hasPermission(user, "import:write")) {
      file.resume();
      throw new AccessDenied(
        "permission",
        `the role ${user.role} may not use import:write`,
        userMessage("access.permission", { role: user.role, permission: "import:write" }),
      );
    }
    const name = fileName || "upload.csv";
    const ext = extname(name).toLowerCase();
    if (![".csv", ".txt", ".xlsx"].includes(ext)) {
      file.resume();
      throw badRequest(
        "file",
        `expected a .csv or .xlsx file, got '${name}'`,
        userMessage("import.fileType", { name }),
      );
    }
    mkdirSync(this.ctx.uploadDir, { recursive: true });
    const id = randomUUID();
    const path = join(this.ctx.uploadDir, `${id}${ext}`);
    await pipeline(file, createWriteStream(path));
    if (file.truncated) {
      rmSync(path, { force: true });
      throw new ServiceError(
        "payload_too_large",
        "file: the upload is larger than 100 MB",
        undefined,
        userMessage("payload.tooLarge"),
      );
    }
    return { id, path, fileName: name };
  }

  /**
   * Checks a saved file against the district (default: the user's own district) without writing
   * anything, and keeps it with its report for confirmation. The file is removed when this fails.
   */
  async dryRun(
    user: Actor & { username: string },
    saved: SavedUpload,
    district: string | undefined,
  ): Promise<ImportUpload> {
    try {
      const districtCode =
        district ?? (levelOfCode(user.regionCode) === "district" ? user.regionCode : undefined);
      if (!districtCode || levelOfCode(districtCode) !== "district") {
        throw badRequest(
          "district",
          `expected a district code such as 35.03, got ${districtCode ?? "nothing"}`,
          userMessage("region.notDistrict", { code: districtCode ?? "–" }),
        );
      }
      requireAccess(user, "import:write", districtCode);
      const report = await this.run(saved.path, saved.fileName, districtCode, true, user.id);
      const apiReport = toApiReport(report);
      const row = await this.ctx.repos.transaction(async (tx) => {
        const inserted = await tx.imports.insert({
          id: saved.id,
          file_name: saved.fileName,
          file_path: saved.path,
          district_code: districtCode,
          status: "dry_run",
          report: JSON.stringify(apiReport),
          created_by: user.id,
        });
        await recordAudit(tx, {
          actor: user,
          action: "dry_run",
          entity: "import",
          entityId: saved.id,
          regionCode: districtCode,
          after: importAuditView(report, apiReport),
        });
        return inserted;
      });
      // Files never confirmed are removed after an hour.
      setTimeout(() => rmSync(saved.path, { force: true }), KEEP_MS).unref();
      return toUpload(row);
    } catch (err) {
      rmSync(saved.path, { force: true });
      throw err;
    }
  }

  /** An upload in the user's scope; not found otherwise. */
  async get(user: Actor, id: string): Promise<ImportUpload> {
    return toUpload(await this.load(user, id));
  }

  private async load(user: Actor, id: string): Promise<UploadRow> {
    const row = UUID.test(id) ? await this.ctx.repos.imports.find(id) : undefined;
    if (!row || checkAccess(user, "import:write", row.district_code)) throw notFound("import");
    return row;
  }

  /** Imports an uploaded file for real; the figures are refreshed when this returns. */
  async confirm(user: Actor & { username: string }, id: string): Promise<ImportUpload> {
    const row = await this.load(user, id);
    if (row.status !== "dry_run" || !row.file_path) throw conflict("id", "this upload was already imported");
    let report: PipelineReport;
    try {
      report = await this.run(row.file_path, row.file_name, row.district_code, false, user.id);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT")
        throw conflict("id", "the uploaded file has expired; upload it again");
      throw err;
    }
    this.ctx.cache.clear();
    const apiReport = toApiReport(report);
    const updated = await this.ctx.repos.transaction(async (tx) => {
      const u = await tx.imports.markImported(row.id, apiReport);
      await recordAudit(tx, {
        actor: user,
        action: "import",
        entity: "import",
        entityId: row.id,
        regionCode: row.district_code,
        after: importAuditView(report, apiReport),
      });
      return u;
    });
    rmSync(row.file_path, { force: true });
    return toUpload(updated);
  }

  private async run(path: string, fileName: string, district: string, dryRun: boolean, userId: string) {
    try {
      return await importMeasurements(this.ctx.database, path, {
        dryRun,
        district,
        fileName,
        keys: this.ctx.keys,
        createdBy: userId,
        today: todayInIndonesia(this.ctx.now()),
      });
    } catch (err) {
      if (err instanceof ImportFileError) {
        throw badRequest("file", err.message, userMessage("import.fileUnreadable", { detail: err.message }));
      }
      throw err;
    }
  }
}
