/**
 * Import of measurement files through the web app: upload → dry-run report → confirm or cancel.
 * The file waits on disk (0600) between the two steps, an hour at most and never across a
 * restart (upload-files.ts); the dry run holds no transaction while the user reads its report.
 * Confirming imports it for real in one transaction that also refreshes the roll-ups and records
 * the upload's status and the audit entry. Each step is in the audit log.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { levelOfCode, todayInIndonesia, userMessage } from "@tumbuh/core";
import type { ImportReport, ImportUpload } from "@tumbuh/core/api";
import { AccessDenied, type Actor, checkAccess, hasPermission, requireAccess } from "../auth/access.ts";
import type { UploadRow } from "../db/repositories/imports.ts";
import {
  IMPORT_LIMITS,
  ImportFileError,
  ImportLimitError,
  type ImportOptions,
  importMeasurements,
  type ImportReport as PipelineReport,
} from "../import/import.ts";
import { FLAG_INDICATOR_LABEL, flagMessage } from "../import/report.ts";
import { recordAudit } from "./audit.ts";
import type { ServiceContext } from "./context.ts";
import { badRequest, conflict, notFound, ServiceError } from "./errors.ts";
import { ensureUploadFolder, sweepUploadFolder, writeUpload } from "./upload-files.ts";

/** Rejections, likely duplicates and flags an upload's report keeps (the page lists them a page at a time; the downloads hold them all). */
const REPORT_ROWS = 50_000;
const KEEP_MS = 3600_000;
/** The largest file an upload takes (IMPORT_LIMITS.uploadBytes; the HTTP layer's multipart limit). */
export const UPLOAD_BYTES = IMPORT_LIMITS.uploadBytes;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The pipeline's report in the API's shape (the first REPORT_ROWS of each list). */
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
    likelyDuplicates: r.likelyDuplicates.slice(0, REPORT_ROWS).map((d) => ({
      row: d.rowNo,
      name: d.name,
      birthDate: d.birthDate,
      code: d.code,
      params: d.params,
      reason: d.reason,
    })),
    rejected: r.rejections.slice(0, REPORT_ROWS).map((x) => ({
      sheet: x.sheet,
      row: x.rowNo,
      field: x.field,
      value: x.value,
      code: x.code,
      params: x.params,
      reason: x.reason,
    })),
    rejectedCount: r.rowsRejected,
    flagged: r.flags.slice(0, REPORT_ROWS).map((f) => ({
      row: f.rowNo,
      name: f.name,
      indicator: f.indicator,
      indicatorLabel: FLAG_INDICATOR_LABEL[f.indicator],
      zscore: f.zscore,
      weight: f.weight,
      lenhei: f.lenhei,
      ageDays: f.ageDays,
      ...flagMessage(f),
    })),
    flaggedCount: r.flagsRaised,
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
    // Reports stored before flags were listed have none.
    report: { ...{ flagged: [], flaggedCount: 0 }, ...(row.report as Partial<ImportReport>) } as ImportReport,
  };
}

/** A file the import refuses as the user sees it: 413/422 for a limit or an encoding, else 400. */
function fileError(err: unknown): unknown {
  if (err instanceof ImportLimitError)
    return new ServiceError(
      err.status === 413 ? "payload_too_large" : "unprocessable",
      err.message,
      { field: "file", limit: err.limit },
      err.userMessage,
    );
  if (err instanceof ImportFileError) return badRequest("file", err.message, err.userMessage);
  return err;
}

/** The conflict of confirming or cancelling an upload that is no longer waiting. */
function notPending(row: UploadRow): ServiceError {
  const [what, code] = (
    {
      imported: ["Berkas ini sudah diimpor. / This upload was already imported.", "import.alreadyImported"],
      cancelled: ["Unggahan ini sudah dibatalkan. / This upload was cancelled.", "import.cancelled"],
      expired: [
        "Unggahan ini sudah kedaluwarsa; unggah lagi. / This upload has expired; upload it again.",
        "import.expired",
      ],
      dry_run: [
        "Berkas unggahan tidak ada lagi; unggah lagi. / The uploaded file is gone; upload it again.",
        "import.fileGone",
      ],
    } as const
  )[row.status];
  return conflict("id", what, userMessage(code), { status: row.status });
}

/** An uploaded file saved for its dry run. */
export interface SavedUpload {
  id: string;
  path: string;
  fileName: string;
}

export class ImportService {
  private readonly folder: string;

  constructor(private readonly ctx: ServiceContext) {
    this.folder = resolve(ctx.uploadDir);
  }

  /**
   * Deletes the uploads no dry run waits for any more: those older than an hour (their dry runs
   * expire), and every file a dry run does not know (left by a stopped server). With `all` (at
   * server start) every pending dry run of this folder expires and the folder is emptied.
   */
  async sweepUploads(all = false): Promise<number> {
    const before = all ? new Date(8.64e15) : new Date(this.ctx.now().getTime() - KEEP_MS);
    await this.ctx.repos.imports.expirePending(this.folder, before);
    const keep = all ? [] : await this.ctx.repos.imports.pendingFiles(this.folder);
    return sweepUploadFolder(this.folder, new Set(keep));
  }

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
    // A control character (NUL above all) in a name is never a file a user chose.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
    if (/[\u0000-\u001f\u007f]/.test(name) || name.length > 255) {
      file.resume();
      throw badRequest(
        "file",
        "Nama berkas tidak sah. / The file name is not valid.",
        userMessage("upload.badName"),
      );
    }
    const ext = extname(name).toLowerCase();
    if (![".csv", ".txt", ".xlsx"].includes(ext)) {
      file.resume();
      throw badRequest(
        "file",
        `expected a .csv or .xlsx file, got '${name}'`,
        userMessage("import.fileType", { name }),
      );
    }
    ensureUploadFolder(this.folder);
    const id = randomUUID();
    const path = join(this.folder, `${id}${ext}`);
    try {
      await writeUpload(path, file);
    } catch (err) {
      rmSync(path, { force: true });
      throw err;
    }
    if (file.truncated) {
      rmSync(path, { force: true });
      const mb = UPLOAD_BYTES / (1024 * 1024);
      throw new ServiceError(
        "payload_too_large",
        `Berkas lebih besar dari batas unggah ${mb} MB. / The file is larger than the upload limit of ${mb} MB.`,
        { field: "file", limit: "uploadBytes" },
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
      // A file never confirmed is removed by the next sweep after an hour (sweepUploads).
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

  /**
   * Imports an uploaded file for real; the figures are refreshed when this returns. The upload's
   * status and the audit entry commit in the import's own transaction.
   */
  async confirm(user: Actor & { username: string }, id: string): Promise<ImportUpload> {
    const row = await this.load(user, id);
    if (row.status !== "dry_run" || !row.file_path) throw notPending(row);
    let updated: UploadRow | undefined;
    let report: PipelineReport;
    try {
      report = await this.run(
        row.file_path,
        row.file_name,
        row.district_code,
        false,
        user.id,
        async (tx, r) => {
          const apiReport = toApiReport(r);
          const marked = await tx.imports.markImported(row.id, apiReport);
          // Confirmed twice at once: the second import rolls back.
          if (!marked)
            throw conflict(
              "id",
              "Berkas ini sudah diimpor. / This upload was already imported.",
              userMessage("import.alreadyImported"),
            );
          updated = marked;
          await recordAudit(tx, {
            actor: user,
            action: "import",
            entity: "import",
            entityId: row.id,
            regionCode: row.district_code,
            after: importAuditView(r, apiReport),
          });
        },
      );
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT")
        throw conflict(
          "id",
          "Berkas unggahan tidak ada lagi; unggah lagi. / The uploaded file is gone; upload it again.",
          userMessage("import.fileGone"),
        );
      throw err;
    } finally {
      this.ctx.cache.clear();
      // Landed with its figures, or not at all: the file is not needed any more.
      if (updated) rmSync(row.file_path, { force: true });
    }
    if (!updated) throw new Error(`import ${row.id} committed without its upload record`);
    // The report as stored with the commit.
    return toUpload({ ...updated, report: toApiReport(report) });
  }

  /** Cancels a dry run: its file is deleted, nothing is imported. */
  async cancel(user: Actor & { username: string }, id: string): Promise<ImportUpload> {
    const row = await this.load(user, id);
    const cancelled = await this.ctx.repos.transaction(async (tx) => {
      const u = await tx.imports.markCancelled(row.id);
      if (!u) return undefined;
      await recordAudit(tx, {
        actor: user,
        action: "cancel",
        entity: "import",
        entityId: row.id,
        regionCode: row.district_code,
        after: { fileName: row.file_name },
      });
      return u;
    });
    if (!cancelled) throw notPending(row);
    if (row.file_path) rmSync(row.file_path, { force: true });
    return toUpload(cancelled);
  }

  private async run(
    path: string,
    fileName: string,
    district: string,
    dryRun: boolean,
    userId: string,
    beforeCommit?: ImportOptions["beforeCommit"],
  ) {
    // The embedded database has one connection, which the import holds: answers and sessions
    // given before it are reused meanwhile (ResponseCache.hold).
    const release = this.ctx.database.engine === "pglite" ? this.ctx.cache.hold() : undefined;
    try {
      return await importMeasurements(this.ctx.database, path, {
        dryRun,
        district,
        fileName,
        keys: this.ctx.keys,
        createdBy: userId,
        today: todayInIndonesia(this.ctx.now()),
        beforeCommit,
      });
    } catch (err) {
      throw fileError(err);
    } finally {
      release?.();
    }
  }
}
