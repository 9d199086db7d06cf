/**
 * Import of a family-data export (CSV/XLSX): upload → dry-run report → confirm or cancel, as for
 * measurement files. The dry run reads and checks every row (rejections in Indonesian naming the
 * row and the column), assesses each family with the versioned at-risk rule, links children to
 * child records (NIK, or name and birth date in the village) and keeps the checked rows — not the
 * file — for an hour in this server's memory. Confirming writes every accepted row in one
 * transaction (all or nothing; a family of the same village, semester, head and mother is
 * replaced) with one audit entry. A restarted server forgets pending dry runs: upload again.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { extname, join } from "node:path";
import type { Readable } from "node:stream";
import { districtOfCode, todayInIndonesia, userMessage } from "@tumbuh/core";
import type { FamilyImportReport } from "@tumbuh/core/api";
import { KRS_RULE_PK21, krsRuleForYear } from "@tumbuh/core/programme";
import { AccessDenied, checkAccess, hasPermission } from "../auth/access.ts";
import type { NewFamilyChildRow } from "../db/repositories/families.ts";
import { checkFamilyRow, type FamilyRejection, familyColumns } from "../import/family-rows.ts";
import { readSheets } from "../import/read.ts";
import { recordAudit } from "./audit.ts";
import type { Caller } from "./child-access.ts";
import type { ServiceContext } from "./context.ts";
import { badRequest, conflict, notFound, ServiceError } from "./errors.ts";
import type { FamilyService } from "./families.ts";
import { writeUpload } from "./upload-files.ts";

const KEEP_MS = 3600_000;
const MAX_ROWS = 20_000;
const REJECTIONS_SHOWN = 500;

type Prepared = Awaited<ReturnType<FamilyService["prepare"]>>;

interface PendingRow {
  district: string;
  id: string;
  existing: { id: string; version: number } | undefined;
  row: Prepared["row"];
  children: NewFamilyChildRow[];
}

interface Pending {
  userId: string;
  createdAt: number;
  rows: PendingRow[];
  report: FamilyImportReport;
}

export class FamilyImportService {
  private readonly pending = new Map<string, Pending>();

  constructor(
    readonly ctx: ServiceContext,
    private readonly families: FamilyService,
  ) {}

  private sweep(): void {
    const now = Date.now();
    for (const [id, p] of this.pending) if (now - p.createdAt > KEEP_MS) this.pending.delete(id);
  }

  /** Reads and checks an uploaded family-data file without writing anything; keeps the checked rows for confirmation. */
  async dryRun(
    caller: Caller,
    fileName: string,
    file: Readable & { truncated?: boolean },
    semester?: string,
  ): Promise<FamilyImportReport> {
    if (!hasPermission(caller, "families:write")) {
      file.resume();
      throw new AccessDenied(
        "permission",
        `the role ${caller.role} may not use families:write`,
        userMessage("access.permission", { role: caller.role, permission: "families:write" }),
      );
    }
    const ext = extname(fileName || "").toLowerCase();
    if (![".csv", ".txt", ".xlsx"].includes(ext)) {
      file.resume();
      throw badRequest(
        "file",
        `expected a .csv or .xlsx file, got '${fileName}'`,
        userMessage("import.fileType", { name: fileName }),
      );
    }
    if (semester !== undefined && !/^\d{4}-S[12]$/.test(semester))
      throw badRequest(
        "semester",
        `expected a semester such as 2025-S2, got '${semester}'`,
        userMessage("validation.semesterFormat", { value: semester }),
      );
    const folder = join(this.ctx.uploadDir, "family-imports");
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const path = join(folder, `${randomUUID()}${ext}`);
    try {
      await writeUpload(path, file);
      if (file.truncated)
        throw new ServiceError(
          "payload_too_large",
          "the file is larger than the upload limit",
          { field: "file" },
          userMessage("payload.tooLarge"),
        );
      return await this.check(caller, fileName, path, semester);
    } finally {
      rmSync(path, { force: true });
    }
  }

  private async check(
    caller: Caller,
    fileName: string,
    path: string,
    semester?: string,
  ): Promise<FamilyImportReport> {
    const today = todayInIndonesia(this.ctx.now());
    const rejections: FamilyRejection[] = [];
    const rows: PendingRow[] = [];
    const verdicts = { berisiko: 0, tidak_berisiko: 0, tidak_diketahui: 0 };
    const villages = new Map<string, { families: number; berisiko: number }>();
    let rowsRead = 0;
    let childrenListed = 0;
    let childrenLinked = 0;
    let replaced = 0;
    const seen = new Map<string, number>();
    let sheets = 0;
    for await (const sheet of readSheets(path)) {
      if (sheets++ > 0) {
        for await (const _ of sheet.chunks) void _; // only the first sheet holds families
        continue;
      }
      const cols = familyColumns(sheet.header, { semesterGiven: semester !== undefined });
      if (cols.missing.length)
        throw badRequest(
          "file",
          `Kolom wajib tidak ada: ${cols.missing.join(", ")}. / Required columns missing: ${cols.missing.join(", ")}.`,
          userMessage("import.columnsMissing", { columns: cols.missing.join(", ") }),
        );
      for await (const r of sheet.rows) {
        if (r.cells.every((c) => c === null || String(c).trim() === "")) continue;
        rowsRead++;
        if (rowsRead > MAX_ROWS)
          throw badRequest(
            "file",
            `Berkas berisi lebih dari ${MAX_ROWS} keluarga; pecah per kecamatan. / More than ${MAX_ROWS} rows.`,
            userMessage("import.tooManyFamilies", { max: MAX_ROWS }),
          );
        const checked = checkFamilyRow(r.cells, r.rowNo, cols, { today, semester });
        if (!checked.ok) {
          rejections.push(...checked.rejections);
          continue;
        }
        const body = checked.family;
        const denied = checkAccess(caller, "families:write", body.villageCode);
        if (denied) {
          rejections.push({
            rowNo: r.rowNo,
            field: "Kode Desa",
            value: body.villageCode,
            reason: "desa ini di luar wilayah akun Anda",
            userMessage: userMessage("family.rowVillageOutside", {
              field: "Kode Desa",
              value: body.villageCode,
            }),
          });
          continue;
        }
        const key = `${body.villageCode}|${body.semester}|${body.headName.toLowerCase()}|${(body.motherName ?? "").toLowerCase()}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          rejections.push({
            rowNo: r.rowNo,
            field: "Nama Kepala Keluarga",
            value: body.headName,
            reason: `keluarga yang sama (desa, semester, kepala keluarga, istri) sudah ada di baris ${earlier}`,
            userMessage: userMessage("family.rowSameInFile", { row: earlier }),
          });
          continue;
        }
        seen.set(key, r.rowNo);
        const district = districtOfCode(body.villageCode);
        const existing = await this.ctx.repos.families.findSame(
          district,
          body.villageCode,
          body.semester,
          body.headName,
          body.motherName ?? null,
        );
        const id = existing?.id ?? randomUUID();
        let prepared: Prepared;
        try {
          prepared = await this.families.prepare({ ...body, assessedOn: today }, today, district, id);
        } catch (err) {
          if (!(err instanceof ServiceError)) throw err;
          const field = String(err.details?.field ?? "");
          rejections.push({
            rowNo: r.rowNo,
            field: field === "villageCode" ? "Kode Desa" : field === "semester" ? "Semester" : field,
            value: field === "villageCode" ? body.villageCode : field === "semester" ? body.semester : null,
            reason:
              field === "villageCode"
                ? "kode ini bukan desa yang dikenal"
                : field === "semester"
                  ? "semester ini belum dimulai"
                  : err.message,
            userMessage:
              field === "villageCode"
                ? userMessage("family.rowUnknownVillage", { field: "Kode Desa", value: body.villageCode })
                : field === "semester"
                  ? userMessage("family.rowSemesterNotBegun", { field: "Semester", value: body.semester })
                  : err.userMessage,
          });
          continue;
        }
        if (existing) replaced++;
        rows.push({ district, id, existing, row: prepared.row, children: prepared.children });
        verdicts[prepared.assessment.verdict]++;
        const v = villages.get(body.villageCode) ?? { families: 0, berisiko: 0 };
        v.families++;
        if (prepared.assessment.verdict === "berisiko") v.berisiko++;
        villages.set(body.villageCode, v);
        childrenListed += prepared.children.length;
        childrenLinked += prepared.children.filter((c) => c.child_id).length;
      }
    }
    this.sweep();
    const id = randomUUID();
    const report: FamilyImportReport = {
      id,
      fileName,
      dryRun: true,
      rowsRead,
      accepted: rows.length,
      rejectedCount: rejections.length,
      rejected: rejections.slice(0, REJECTIONS_SHOWN).map((x) => ({
        row: x.rowNo,
        field: x.field,
        value: x.value,
        reason: x.reason,
        userMessage: x.userMessage,
      })),
      berisiko: verdicts.berisiko,
      tidakBerisiko: verdicts.tidak_berisiko,
      tidakDiketahui: verdicts.tidak_diketahui,
      childrenListed,
      childrenLinked,
      replaced,
      rule: (krsRuleForYear(Number(today.slice(0, 4))) ?? KRS_RULE_PK21).version,
      villages: [...villages]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([villageCode, v]) => ({ villageCode, ...v })),
    };
    this.pending.set(id, { userId: caller.id, createdAt: Date.now(), rows, report });
    await recordAudit(this.ctx.repos, {
      actor: caller,
      action: "dry_run",
      entity: "family_import",
      entityId: id,
      regionCode: caller.regionCode,
      after: { fileName, rowsRead, accepted: rows.length, rejected: rejections.length },
    });
    return report;
  }

  private take(caller: Caller, id: string): Pending {
    this.sweep();
    const p = this.pending.get(id);
    if (!p || p.userId !== caller.id) throw notFound("import");
    return p;
  }

  /** Writes every accepted row of a dry run in one transaction (all or nothing). */
  async confirm(caller: Caller, id: string, ip?: string): Promise<FamilyImportReport> {
    const p = this.take(caller, id);
    this.pending.delete(id);
    await this.ctx.repos.transaction(async (tx) => {
      for (const r of p.rows) {
        if (r.existing) {
          const ok = await tx.families.update(r.district, r.id, r.existing.version, r.row, r.children);
          if (!ok)
            throw conflict(
              "file",
              "Sebuah keluarga dalam berkas diubah orang lain sejak uji coba; unggah lagi. / A family changed since the dry run; upload again.",
              userMessage("import.familyChanged"),
            );
        } else await tx.families.insert({ ...r.row, district_code: r.district, id: r.id }, r.children);
      }
      await recordAudit(tx, {
        actor: caller,
        action: "import",
        entity: "family_import",
        entityId: id,
        regionCode: caller.regionCode,
        after: { fileName: p.report.fileName, written: p.rows.length, replaced: p.report.replaced },
        ip,
      });
    });
    this.ctx.cache.clear();
    return { ...p.report, dryRun: false };
  }

  /** Forgets a dry run: nothing is written. */
  cancel(caller: Caller, id: string): void {
    this.take(caller, id);
    this.pending.delete(id);
  }
}
