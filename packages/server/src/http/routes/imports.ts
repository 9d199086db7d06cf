/**
 * Import of e-PPGBM files through the web app: upload (multipart) → dry-run report → confirm.
 * The file waits on disk between the two steps; confirming imports it for real (one
 * transaction; roll-ups refreshed by the import).
 */
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { extname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { regionLevelOf, todayInIndonesia } from "@tumbuh/core";
import { IdParams, type ImportReport, ImportResponse, type ImportUpload } from "@tumbuh/core/api";
import { checkAccess, requireAccess } from "../../auth/access.ts";
import {
  ImportFileError,
  importMeasurements,
  type ImportReport as PipelineReport,
} from "../../import/import.ts";
import { recordAudit } from "../../services/audit.ts";
import { appDb } from "../../services/users-db.ts";
import type { App, AppContext } from "../context.ts";
import { apiNotFound, HttpError } from "../errors.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";

const REJECTIONS_SHOWN = 500;
const KEEP_MS = 3600_000;

/** The pipeline's report in the API's shape (first 500 rejections). */
export function toApiReport(r: PipelineReport): ImportReport {
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
export function importAuditView(r: PipelineReport, api: ImportReport): Record<string, unknown> {
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

export async function importRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const adb = appDb(db);

  async function load(id: string, user: ReturnType<typeof requireUser>) {
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await adb.selectFrom("import_uploads").selectAll().where("id", "=", id).executeTakeFirst()
      : undefined;
    if (!row || checkAccess(user, "import:write", row.district_code)) throw apiNotFound("import");
    return row;
  }
  function toUpload(row: Awaited<ReturnType<typeof load>>): ImportUpload {
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
  async function run(path: string, fileName: string, district: string, dryRun: boolean, userId: string) {
    try {
      return await importMeasurements(ctx.database, path, {
        dryRun,
        district,
        fileName,
        keys: ctx.piiKeys,
        createdBy: userId,
        today: todayInIndonesia(ctx.now()),
      });
    } catch (err) {
      if (err instanceof ImportFileError)
        throw new HttpError(400, "bad_request", `file: ${err.message}`, { field: "file" });
      throw err;
    }
  }

  app.post(
    "/api/imports",
    {
      schema: {
        tags: ["import"],
        summary: "Upload a CSV/XLSX file: dry-run report, nothing written yet",
        consumes: ["multipart/form-data"],
        response: responses({ 201: ImportResponse }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!request.isMultipart()) {
        throw new HttpError(400, "bad_request", "expected multipart/form-data with a 'file' field", {
          field: "file",
        });
      }
      const id = randomUUID();
      mkdirSync(ctx.uploadDir, { recursive: true });
      let path: string | null = null;
      let fileName = "";
      let district: string | undefined;
      for await (const part of request.parts()) {
        if (part.type === "file") {
          fileName = part.filename || "upload.csv";
          const ext = extname(fileName).toLowerCase();
          if (![".csv", ".txt", ".xlsx"].includes(ext)) {
            part.file.resume();
            throw new HttpError(
              400,
              "bad_request",
              `file: expected a .csv or .xlsx file, got '${fileName}'`,
              {
                field: "file",
              },
            );
          }
          path = join(ctx.uploadDir, `${id}${ext}`);
          await pipeline(part.file, createWriteStream(path));
          if (part.file.truncated) {
            rmSync(path, { force: true });
            throw new HttpError(413, "payload_too_large", "file: the upload is larger than 100 MB");
          }
        } else if (part.fieldname === "district" && typeof part.value === "string" && part.value) {
          district = part.value.trim();
        }
      }
      if (!path) throw new HttpError(400, "bad_request", "file: no file was uploaded", { field: "file" });
      const districtCode =
        district ?? (regionLevelOf(user.regionCode) === "district" ? user.regionCode : undefined);
      try {
        if (!districtCode || regionLevelOf(districtCode) !== "district") {
          throw new HttpError(
            400,
            "bad_request",
            `district: expected a district code such as 35.03, got ${districtCode ?? "nothing"}`,
            {
              field: "district",
            },
          );
        }
        requireAccess(user, "import:write", districtCode);
        const report = await run(path, fileName, districtCode, true, user.id);
        const row = await adb
          .insertInto("import_uploads")
          .values({
            id,
            file_name: fileName,
            file_path: path,
            district_code: districtCode,
            status: "dry_run",
            report: JSON.stringify(toApiReport(report)),
            created_by: user.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(db, {
          actor: user,
          action: "dry_run",
          entity: "import",
          entityId: id,
          regionCode: districtCode,
          after: importAuditView(report, toApiReport(report)),
        });
        // Files never confirmed are removed after an hour.
        setTimeout(() => rmSync(path as string, { force: true }), KEEP_MS).unref();
        return reply.code(201).send({ import: toUpload(row) });
      } catch (err) {
        rmSync(path, { force: true });
        throw err;
      }
    },
  );

  app.get(
    "/api/imports/:id",
    {
      schema: {
        tags: ["import"],
        summary: "An upload and its report",
        params: IdParams,
        response: responses({ 200: ImportResponse }),
      },
    },
    async (request) => ({ import: toUpload(await load(request.params.id, requireUser(request))) }),
  );

  app.post(
    "/api/imports/:id/confirm",
    {
      schema: {
        tags: ["import"],
        summary: "Import an uploaded file for real",
        params: IdParams,
        response: responses({ 200: ImportResponse }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await load(request.params.id, user);
      if (row.status !== "dry_run" || !row.file_path) {
        throw new HttpError(409, "conflict", "this upload was already imported", { field: "id" });
      }
      let report: PipelineReport;
      try {
        report = await run(row.file_path, row.file_name, row.district_code, false, user.id);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") {
          throw new HttpError(409, "conflict", "the uploaded file has expired; upload it again", {
            field: "id",
          });
        }
        throw err;
      }
      ctx.cache.clear();
      const apiReport = toApiReport(report);
      const updated = await db.transaction().execute(async (trx) => {
        const u = await appDb(trx)
          .updateTable("import_uploads")
          .set({
            status: "imported",
            file_path: null,
            report: JSON.stringify(apiReport),
            updated_at: new Date(),
          })
          .where("id", "=", row.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, {
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
      return { import: toUpload(updated) };
    },
  );
}
