/**
 * The aksi documents that concern villages: the regulations on village roles (aksi 4: the
 * district's Perbup/Perwali, each village's Perdes/Perkades, with the document stored like aksi
 * evidence), the KPM of each village and the desa convergence scorecard per quarter (aksi 5: form,
 * XLSX import with an error per row, export, printable PDF).
 *
 * Access: the district (aksi:write) writes everything of its district; a village (aksi:village)
 * writes its own KPM, scorecard and village regulations; the province (aksi:read) reads. A KPM's
 * contact is personal data: only kpm:contact (district TPPS, the village) sees it, and each view is
 * logged.
 */
import { randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import {
  districtOfCode,
  levelOfCode,
  normalizeHeader,
  regionLevelOf,
  regionWithin,
  userMessage,
} from "@tumbuh/core";
import type {
  Kpm,
  KpmBody,
  Regulation,
  RegulationBody,
  Scorecard,
  ScorecardBody,
  ScorecardImportReport,
  ScorecardSummary,
} from "@tumbuh/core/api";
import {
  desaScorecardFromCounts,
  readScorecardRows,
  SCORECARD_SHEET_COLUMNS,
  type ScorecardCounts,
  type ScorecardSheetRow,
  scorecardCountErrors,
  scorecardSheetRows,
} from "@tumbuh/core/programme";
import { type Actor, checkAccess, type Permission } from "../auth/access.ts";
import type { KpmRow, RegulationRow, ScorecardRow } from "../db/repositories/aksi-docs.ts";
import { readSheets } from "../import/read.ts";
import { formatPdfNumber, type PdfDocument, pdfFileName, renderPdf } from "../pdf/document.ts";
import type { AksiCaller } from "./aksi.ts";
import type { EvidenceDownload } from "./aksi-evidence.ts";
import { readLimited, storeDocument } from "./aksi-evidence.ts";
import { recordAudit } from "./audit.ts";
import { UUID } from "./child-access.ts";
import { holdsDemoData, type ServiceContext } from "./context.ts";
import { badRequest, notFound, ServiceError, staleVersion } from "./errors.ts";
import { cleanFileName, EVIDENCE_MAX_BYTES, sniffEvidence } from "./evidence-file.ts";
import { toXlsx } from "./exports.ts";
import { writeUpload } from "./upload-files.ts";

/**
 * Allowed when any of `permissions` holds in the region; else the first refusal (so a caller
 * outside the region hears "scope", a caller without the right "permission").
 */
function requireAny(user: Actor, permissions: readonly Permission[], region: string): void {
  const denials = permissions.map((p) => checkAccess(user, p, region));
  if (denials.some((d) => d === null)) return;
  throw denials.find((d) => d?.reason === "scope") ?? denials[0];
}

const READ: readonly Permission[] = ["aksi:read", "aksi:village"];
const WRITE_VILLAGE: readonly Permission[] = ["aksi:write", "aksi:village"];

/** The district a listing covers: the region must be a district or lie inside one. */
function districtOf(region: string): string {
  const level = regionLevelOf(region);
  if (level === "nation" || level === "province")
    throw badRequest(
      "region",
      `found ${region}, expected a district such as 35.03 or a region inside one`,
      userMessage("region.districtOrBelow", { code: region }),
    );
  return districtOfCode(region);
}

const VILLAGE_KINDS = new Set(["perdes", "perkades"]);

function toRegulation(r: RegulationRow, regionName: string): Regulation {
  return {
    id: r.id,
    kind: r.kind,
    regionCode: r.region_code,
    regionName,
    number: r.number,
    issuedOn: r.issued_on,
    title: r.title,
    document:
      r.sha256 && r.file_name && r.media_type
        ? { fileName: r.file_name, mediaType: r.media_type, sizeBytes: r.size_bytes ?? 0, sha256: r.sha256 }
        : null,
  };
}

function toKpm(r: KpmRow, villageName: string, showContact: boolean): Kpm {
  return {
    id: r.id,
    villageCode: r.village_code,
    villageName,
    name: r.name,
    appointedOn: r.appointed_on,
    trainedOn: r.trained_on,
    training: r.training,
    contact: showContact ? r.contact : null,
    active: r.active,
    version: r.version,
  };
}

function countsOf(row: ScorecardRow | undefined): ScorecardCounts {
  if (!row) return { targets: { ibu_hamil: null, anak_0_23: null }, counts: {} };
  return {
    targets: { ibu_hamil: row.targets_ibu_hamil, anak_0_23: row.targets_anak },
    counts: (row.counts ?? {}) as ScorecardCounts["counts"],
  };
}

const HEADER_ALIASES: Record<keyof Omit<ScorecardSheetRow, "rowNo">, string[]> = {
  village: ["Kode Desa", "Kode Desa/Kel", "village_code"],
  quarter: ["Triwulan", "Quarter"],
  code: ["Kode Indikator", "Kode", "Indicator"],
  n: ["Sasaran (N)", "Sasaran", "N"],
  y: ["Y", "Ya", "Jumlah Y"],
  ts: ["TS", "Tidak Sasaran"],
};

export class AksiVillageService {
  constructor(
    private readonly ctx: ServiceContext,
    /** The folder of aksi evidence: regulation documents are stored with them. */
    private readonly documentDir: string,
  ) {}

  private get repos() {
    return this.ctx.repos;
  }

  private async namesOf(codes: string[]): Promise<Map<string, string>> {
    const rows = await this.repos.regions.byCodes([...new Set(codes)]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  private async requireRegion(code: string, field: string): Promise<void> {
    if (!(await this.repos.regions.get(code)))
      throw badRequest(field, `no region has the code ${code}`, userMessage("region.unknown", { code }));
  }

  // --- regulations (aksi 4)

  /** The district's Perbup/Perwali and its villages' regulations in a region. */
  async regulations(user: Actor, region: string): Promise<Regulation[]> {
    requireAny(user, READ, region);
    const rows = await this.repos.aksiDocs.regulationsIn(districtOf(region), region);
    const names = await this.namesOf(rows.map((r) => r.region_code));
    return rows.map((r) => toRegulation(r, names.get(r.region_code) ?? r.region_code));
  }

  private checkKind(body: RegulationBody): void {
    const level = levelOfCode(body.regionCode);
    if (VILLAGE_KINDS.has(body.kind) ? level !== "village" : level !== "district")
      throw badRequest(
        "regionCode",
        `a ${body.kind} belongs to a ${VILLAGE_KINDS.has(body.kind) ? "village" : "district"}; found ${body.regionCode}`,
        userMessage(VILLAGE_KINDS.has(body.kind) ? "aksi.regulationOfVillage" : "aksi.regulationOfDistrict", {
          kind: body.kind.charAt(0).toUpperCase() + body.kind.slice(1),
          code: body.regionCode,
        }),
      );
  }

  private requireRegulationWrite(user: Actor, kind: string, region: string): void {
    requireAny(user, VILLAGE_KINDS.has(kind) ? WRITE_VILLAGE : ["aksi:write"], region);
  }

  async addRegulation(user: AksiCaller, body: RegulationBody): Promise<Regulation> {
    this.checkKind(body);
    this.requireRegulationWrite(user, body.kind, body.regionCode);
    await this.requireRegion(body.regionCode, "regionCode");
    const id = randomUUID();
    await this.repos.transaction(async (tx) => {
      await tx.aksiDocs.insertRegulation({
        id,
        district_code: districtOfCode(body.regionCode),
        region_code: body.regionCode,
        kind: body.kind,
        number: body.number,
        issued_on: body.issuedOn,
        title: body.title,
        created_by: user.id,
        updated_by: user.id,
        updated_at: new Date(),
      });
      await recordAudit(tx, {
        actor: user,
        action: "create",
        entity: "regulation",
        entityId: id,
        regionCode: body.regionCode,
        after: body,
      });
    });
    return this.regulation(user, id);
  }

  private async loadRegulation(user: Actor, id: string, write: boolean): Promise<RegulationRow> {
    const row = UUID.test(id) ? await this.repos.aksiDocs.regulation(id) : undefined;
    if (!row) throw notFound("regulation");
    if (!regionWithin(row.region_code, user.regionCode)) throw notFound("regulation");
    if (write) this.requireRegulationWrite(user, row.kind, row.region_code);
    else requireAny(user, READ, row.region_code);
    return row;
  }

  async regulation(user: Actor, id: string): Promise<Regulation> {
    const row = await this.loadRegulation(user, id, false);
    return toRegulation(row, (await this.repos.regions.name(row.region_code)) ?? row.region_code);
  }

  /** Attaches (or replaces) the regulation's document: judged by its content, stored under its hash. */
  async attachDocument(
    user: AksiCaller,
    id: string,
    fileName: string,
    file: Readable & { truncated?: boolean },
  ): Promise<Regulation> {
    let row: RegulationRow;
    try {
      row = await this.loadRegulation(user, id, true);
    } catch (e) {
      file.resume();
      throw e;
    }
    const data = await readLimited(file, EVIDENCE_MAX_BYTES);
    if (data === null || file.truncated)
      throw new ServiceError(
        "payload_too_large",
        `file: larger than the limit of ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`,
        { field: "file" },
        userMessage("upload.tooLarge", { maxMb: EVIDENCE_MAX_BYTES / 1024 / 1024 }),
      );
    if (data.length === 0) throw badRequest("file", "the file is empty", userMessage("upload.empty"));
    const name = cleanFileName(fileName);
    const sniffed = sniffEvidence(data.subarray(0, 16), name);
    if (!sniffed.ok) throw badRequest("file", sniffed.reason, sniffed.userMessage);
    const sha256 = storeDocument(this.documentDir, data);
    await this.repos.transaction(async (tx) => {
      await tx.aksiDocs.updateRegulation(
        id,
        row.district_code,
        { file_name: name, media_type: sniffed.mediaType, size_bytes: data.length, sha256 },
        user.id,
      );
      await recordAudit(tx, {
        actor: user,
        action: "document_add",
        entity: "regulation",
        entityId: id,
        regionCode: row.region_code,
        before: row.sha256 ? { fileName: row.file_name, sha256: row.sha256 } : null,
        after: { fileName: name, sizeBytes: data.length, sha256 },
      });
    });
    return this.regulation(user, id);
  }

  async regulationDocument(user: Actor, id: string): Promise<EvidenceDownload> {
    const row = await this.loadRegulation(user, id, false);
    if (!row.sha256 || !row.file_name || !row.media_type) throw notFound("regulation document");
    const path = join(this.documentDir, row.sha256);
    if (!existsSync(path)) throw notFound("regulation document");
    return { path, fileName: row.file_name, mediaType: row.media_type, sizeBytes: row.size_bytes ?? 0 };
  }

  async removeRegulation(user: AksiCaller, id: string): Promise<void> {
    const row = await this.loadRegulation(user, id, true);
    await this.repos.transaction(async (tx) => {
      await tx.aksiDocs.deleteRegulation(id, row.district_code);
      await recordAudit(tx, {
        actor: user,
        action: "delete",
        entity: "regulation",
        entityId: id,
        regionCode: row.region_code,
        before: toRegulation(row, row.region_code),
      });
    });
  }

  // --- KPM (aksi 5)

  /** The KPM of the villages in a region; contacts only for kpm:contact (the view is logged). */
  async kpmList(user: AksiCaller, region: string, ip?: string): Promise<Kpm[]> {
    requireAny(user, READ, region);
    const rows = await this.repos.aksiDocs.kpmIn(districtOf(region), region);
    const names = await this.namesOf(rows.map((r) => r.village_code));
    const showContact = checkAccess(user, "kpm:contact", region) === null;
    if (showContact && rows.some((r) => r.contact))
      await recordAudit(this.repos, {
        actor: user,
        action: "view_contact",
        entity: "kpm",
        regionCode: region,
        after: { kpm: rows.filter((r) => r.contact).map((r) => r.id) },
        ip: ip ?? null,
      });
    return rows.map((r) => toKpm(r, names.get(r.village_code) ?? r.village_code, showContact));
  }

  private async villageFor(user: Actor, code: string, field: string): Promise<void> {
    if (levelOfCode(code) !== "village")
      throw badRequest(
        field,
        `found ${code}, expected a village code such as 35.03.01.2001`,
        userMessage("region.notVillage", { code }),
      );
    requireAny(user, WRITE_VILLAGE, code);
    await this.requireRegion(code, field);
  }

  private kpmColumns(body: Omit<KpmBody, "villageCode">) {
    if (body.trainedOn && body.appointedOn && body.trainedOn < body.appointedOn)
      throw badRequest(
        "trainedOn",
        `found ${body.trainedOn}, expected a date on or after the appointment ${body.appointedOn}`,
        userMessage("aksi.trainedBeforeAppointed", { trained: body.trainedOn, appointed: body.appointedOn }),
      );
    return {
      name: body.name,
      appointed_on: body.appointedOn,
      trained_on: body.trainedOn,
      training: body.training,
      contact: body.contact,
      active: body.active,
    };
  }

  async addKpm(user: AksiCaller, body: KpmBody): Promise<Kpm> {
    await this.villageFor(user, body.villageCode, "villageCode");
    const id = randomUUID();
    const columns = this.kpmColumns(body);
    await this.repos.transaction(async (tx) => {
      await tx.aksiDocs.insertKpm({
        id,
        district_code: districtOfCode(body.villageCode),
        village_code: body.villageCode,
        ...columns,
        created_by: user.id,
        updated_by: user.id,
        updated_at: new Date(),
      });
      await recordAudit(tx, {
        actor: user,
        action: "create",
        entity: "kpm",
        entityId: id,
        regionCode: body.villageCode,
        after: { ...columns, contact: columns.contact ? "(diisi)" : "" },
      });
    });
    return this.kpmOne(user, id);
  }

  private async loadKpm(user: Actor, id: string, write: boolean): Promise<KpmRow> {
    const row = UUID.test(id) ? await this.repos.aksiDocs.kpm(id) : undefined;
    if (!row || !regionWithin(row.village_code, user.regionCode)) throw notFound("KPM");
    requireAny(user, write ? WRITE_VILLAGE : READ, row.village_code);
    return row;
  }

  private async kpmOne(user: Actor, id: string): Promise<Kpm> {
    const row = await this.loadKpm(user, id, false);
    return toKpm(
      row,
      (await this.repos.regions.name(row.village_code)) ?? row.village_code,
      checkAccess(user, "kpm:contact", row.village_code) === null,
    );
  }

  async updateKpm(
    user: AksiCaller,
    id: string,
    body: Omit<KpmBody, "villageCode"> & { version: number },
  ): Promise<Kpm> {
    const row = await this.loadKpm(user, id, true);
    const columns = this.kpmColumns(body);
    await this.repos.transaction(async (tx) => {
      const after = await tx.aksiDocs.updateKpm(id, row.district_code, body.version, columns, user.id);
      if (!after) throw staleVersion(toKpm(row, row.village_code, false));
      await recordAudit(tx, {
        actor: user,
        action: "update",
        entity: "kpm",
        entityId: id,
        regionCode: row.village_code,
        before: { ...toKpm(row, row.village_code, false), contactChanged: row.contact !== body.contact },
        after: { ...columns, contact: undefined },
      });
    });
    return this.kpmOne(user, id);
  }

  async removeKpm(user: AksiCaller, id: string): Promise<void> {
    const row = await this.loadKpm(user, id, true);
    await this.repos.transaction(async (tx) => {
      await tx.aksiDocs.deleteKpm(id, row.district_code);
      await recordAudit(tx, {
        actor: user,
        action: "delete",
        entity: "kpm",
        entityId: id,
        regionCode: row.village_code,
        before: toKpm(row, row.village_code, false),
      });
    });
  }

  // --- the desa convergence scorecard (aksi 5)

  private toScorecard(
    villageCode: string,
    villageName: string,
    quarter: string,
    row: ScorecardRow | undefined,
    canEdit: boolean,
  ): Scorecard {
    const input = countsOf(row);
    const card = desaScorecardFromCounts(quarter, input);
    return {
      villageCode,
      villageName,
      quarter,
      input: {
        targets: input.targets,
        counts: Object.fromEntries(
          Object.entries(input.counts).map(([k, v]) => [k, { y: v?.y ?? null, ts: v?.ts ?? null }]),
        ),
      },
      indicators: card.indicators,
      groups: card.groups,
      level: card.level,
      unrecorded: card.unrecorded.map((u) => u.indicatorCode),
      version: row?.version ?? 0,
      canEdit,
    };
  }

  /** A village's scorecard for a quarter (version 0 and nothing entered when none was saved). */
  async scorecard(user: Actor, villageCode: string, quarter: string): Promise<Scorecard> {
    if (levelOfCode(villageCode) !== "village")
      throw badRequest(
        "village",
        `found ${villageCode}, expected a village code such as 35.03.01.2001`,
        userMessage("region.notVillage", { code: villageCode }),
      );
    requireAny(user, READ, villageCode);
    const name = await this.repos.regions.name(villageCode);
    if (!name) throw notFound(`village ${villageCode}`);
    const row = await this.repos.aksiDocs.scorecard(districtOfCode(villageCode), villageCode, quarter);
    const canEdit = WRITE_VILLAGE.some((p) => checkAccess(user, p, villageCode) === null);
    return this.toScorecard(villageCode, name, quarter, row, canEdit);
  }

  /** Saves a village's quarter from the form (the counts are checked first; 409 when stale). */
  async saveScorecard(
    user: AksiCaller,
    villageCode: string,
    quarter: string,
    body: ScorecardBody,
  ): Promise<Scorecard> {
    await this.villageFor(user, villageCode, "village");
    const input: ScorecardCounts = { targets: body.targets, counts: body.counts };
    const errors = scorecardCountErrors(input);
    if (errors.length)
      throw badRequest(
        errors[0].field,
        errors.map((e) => `${e.field}: ${e.reason}`).join("; "),
        errors[0].userMessage,
      );
    const district = districtOfCode(villageCode);
    await this.repos.transaction(async (tx) => {
      const before = await tx.aksiDocs.scorecard(district, villageCode, quarter);
      const saved = await tx.aksiDocs.saveScorecard(
        {
          district_code: district,
          village_code: villageCode,
          quarter,
          targets_ibu_hamil: body.targets.ibu_hamil,
          targets_anak: body.targets.anak_0_23,
          counts: JSON.stringify(body.counts),
          source: "form",
          updated_by: user.id,
        },
        body.version,
      );
      if (!saved) throw staleVersion(before ? countsOf(before) : null);
      await recordAudit(tx, {
        actor: user,
        action: body.version === 0 ? "create" : "update",
        entity: "desa_scorecard",
        entityId: `${villageCode}:${quarter}`,
        regionCode: villageCode,
        before: before ? countsOf(before) : null,
        after: input,
      });
    });
    return this.scorecard(user, villageCode, quarter);
  }

  /** Each village's level for a quarter (or every quarter of a year) in a region. */
  async scorecards(user: Actor, region: string, period: string): Promise<ScorecardSummary[]> {
    requireAny(user, READ, region);
    const rows = await this.repos.aksiDocs.scorecardsIn(districtOf(region), region, period);
    const names = await this.namesOf(rows.map((r) => r.village_code));
    return rows.map((r) => {
      const card = desaScorecardFromCounts(r.quarter, countsOf(r));
      return {
        villageCode: r.village_code,
        villageName: names.get(r.village_code) ?? r.village_code,
        quarter: r.quarter,
        targetsIbuHamil: r.targets_ibu_hamil,
        targetsAnak: r.targets_anak,
        levelPct: card.level.pct,
        unrecorded: card.unrecorded.length,
      };
    });
  }

  /** The scorecards of a region as an XLSX in the layout the import reads. */
  async exportScorecards(
    user: Actor,
    region: string,
    period: string,
  ): Promise<{ fileName: string; body: Buffer }> {
    requireAny(user, READ, region);
    const rows = await this.repos.aksiDocs.scorecardsIn(districtOf(region), region, period);
    const body = await toXlsx({
      name: `Scorecard ${period}`,
      columns: [...SCORECARD_SHEET_COLUMNS],
      rows: rows.flatMap((r) =>
        scorecardSheetRows(r.village_code, desaScorecardFromCounts(r.quarter, countsOf(r))),
      ),
    });
    return { fileName: `scorecard-konvergensi-desa-${region}-${period}.xlsx`, body };
  }

  /**
   * Imports scorecards from an uploaded XLSX/CSV (the export's layout). Nothing is saved when any
   * row is wrong: the report names each row, column, what was found and what was expected.
   */
  async importScorecards(user: AksiCaller, fileName: string, file: Readable): Promise<ScorecardImportReport> {
    const ext = fileName.toLowerCase().endsWith(".csv") ? ".csv" : ".xlsx";
    const path = join(this.ctx.uploadDir, `${randomUUID()}${ext}`);
    const rows: ScorecardSheetRow[] = [];
    try {
      await writeUpload(path, file);
      for await (const sheet of readSheets(path)) {
        const idx = Object.fromEntries(
          Object.entries(HEADER_ALIASES).map(([k, names]) => [
            k,
            sheet.header.findIndex((h) =>
              names.map(normalizeHeader).includes(normalizeHeader(String(h ?? ""))),
            ),
          ]),
        ) as Record<keyof typeof HEADER_ALIASES, number>;
        const missing = Object.entries(idx).filter(([, i]) => i < 0);
        if (missing.length)
          throw badRequest(
            "file",
            `sheet '${sheet.name || fileName}': missing column ${missing.map(([k]) => HEADER_ALIASES[k as keyof typeof HEADER_ALIASES][0]).join(", ")}; expected ${SCORECARD_SHEET_COLUMNS.join(", ")}`,
            userMessage("aksi.scorecardColumnsMissing", {
              sheet: sheet.name || fileName,
              columns: missing.map(([k]) => HEADER_ALIASES[k as keyof typeof HEADER_ALIASES][0]).join(", "),
              expected: SCORECARD_SHEET_COLUMNS.join(", "),
            }),
          );
        for await (const row of sheet.rows) {
          if (row.cells.every((c) => c === null || String(c).trim() === "")) continue;
          rows.push({
            rowNo: row.rowNo,
            village: row.cells[idx.village],
            quarter: row.cells[idx.quarter],
            code: row.cells[idx.code],
            n: row.cells[idx.n],
            y: row.cells[idx.y],
            ts: row.cells[idx.ts],
          });
        }
        break;
      }
    } catch (e) {
      if (e instanceof ServiceError) throw e;
      throw badRequest(
        "file",
        (e as Error).message,
        userMessage("import.fileUnreadable", { detail: (e as Error).message }),
      );
    } finally {
      rmSync(path, { force: true });
    }
    const { entries, errors } = readScorecardRows(rows);
    const firstRow = new Map<string, number>();
    for (const r of rows) {
      const key = `${String(r.village ?? "").trim()}`;
      if (!firstRow.has(key)) firstRow.set(key, r.rowNo);
    }
    const known = await this.namesOf(entries.map((e) => e.villageCode));
    for (const e of entries) {
      const rowNo = firstRow.get(e.villageCode) ?? 0;
      if (!known.has(e.villageCode))
        errors.push({
          rowNo,
          field: "Kode Desa",
          reason: `found "${e.villageCode}", expected the code of a village in Tumbuh`,
          userMessage: userMessage("aksi.scorecardRowUnknownVillage", { value: e.villageCode }),
        });
      else if (!WRITE_VILLAGE.some((p) => checkAccess(user, p, e.villageCode) === null))
        errors.push({
          rowNo,
          field: "Kode Desa",
          reason: `village ${e.villageCode} is outside your scope ${user.regionCode}`,
          userMessage: userMessage("aksi.scorecardRowVillageOutside", {
            village: e.villageCode,
            scope: user.regionCode,
          }),
        });
    }
    const report: ScorecardImportReport = {
      rowsRead: rows.length,
      saved: 0,
      errors: errors.sort((a, b) => a.rowNo - b.rowNo),
    };
    if (errors.length > 0 || entries.length === 0) return report;
    await this.repos.transaction(async (tx) => {
      await tx.aksiDocs.upsertScorecards(
        entries.map((e) => ({
          district_code: districtOfCode(e.villageCode),
          village_code: e.villageCode,
          quarter: e.quarter,
          targets_ibu_hamil: e.input.targets.ibu_hamil,
          targets_anak: e.input.targets.anak_0_23,
          counts: JSON.stringify(e.input.counts),
          source: "import",
          updated_by: user.id,
        })),
      );
      await recordAudit(tx, {
        actor: user,
        action: "import",
        entity: "desa_scorecard",
        regionCode: user.regionCode,
        after: {
          fileName: cleanFileName(fileName),
          quarters: entries.map((e) => `${e.villageCode}:${e.quarter}`),
        },
      });
    });
    report.saved = entries.length;
    return report;
  }

  /** The printable scorecard of a village's quarter (Tabel 3 and 4 of the laporan konvergensi desa). */
  async scorecardPdf(
    user: Actor,
    villageCode: string,
    quarter: string,
  ): Promise<{ fileName: string; pdf: Buffer }> {
    const s = await this.scorecard(user, villageCode, quarter);
    const path = await this.repos.regions.path(villageCode);
    const pct = (v: number | null) => (v === null ? null : `${formatPdfNumber(Math.round(v * 10) / 10)}%`);
    const group = (g: "ibu_hamil" | "anak_0_23") =>
      s.indicators
        .filter((i) => i.group === g)
        .map((i) => [i.code, i.name, i.targets, i.y, i.ts, pct(i.coveragePct)]);
    const headers = ["Kode", "Indikator", "Sasaran (N)", "Y", "TS", "Cakupan Y ÷ (N − TS)"];
    const doc: PdfDocument = {
      title: "Scorecard Konvergensi Desa",
      subtitle: `${s.villageName} — Triwulan ${quarter}`,
      letterhead: [
        ...path.filter((r) => r.level === "district" || r.level === "subdistrict").map((r) => r.name),
        `Desa/Kelurahan ${s.villageName}`,
      ],
      synthetic: holdsDemoData(this.ctx.demo, villageCode),
      blocks: [
        {
          kind: "fields",
          rows: [
            ["Kode desa", villageCode],
            ["Triwulan", quarter],
            ["Ibu hamil (sasaran)", String(s.input.targets.ibu_hamil ?? 0)],
            ["Anak 0–23 bulan (sasaran)", String(s.input.targets.anak_0_23 ?? 0)],
          ],
        },
        { kind: "heading", text: "Ibu hamil" },
        {
          kind: "table",
          headers,
          widths: ["auto", "*", "auto", "auto", "auto", "auto"],
          rows: group("ibu_hamil"),
        },
        { kind: "heading", text: "Anak 0–23 bulan" },
        {
          kind: "table",
          headers,
          widths: ["auto", "*", "auto", "auto", "auto", "auto"],
          rows: group("anak_0_23"),
        },
        { kind: "heading", text: "Tingkat konvergensi desa" },
        {
          kind: "table",
          headers: ["", "ΣY", "Indikator × sasaran", "ΣTS", "Tingkat konvergensi"],
          rows: [
            [
              "Ibu hamil",
              s.groups.ibu_hamil.y,
              s.groups.ibu_hamil.cells,
              s.groups.ibu_hamil.ts,
              pct(s.groups.ibu_hamil.pct),
            ],
            [
              "Anak 0–23 bulan",
              s.groups.anak_0_23.y,
              s.groups.anak_0_23.cells,
              s.groups.anak_0_23.ts,
              pct(s.groups.anak_0_23.pct),
            ],
          ],
          totalRow: ["Desa", s.level.y, s.level.cells, s.level.ts, pct(s.level.pct)],
        },
        {
          kind: "paragraph",
          text: "Tingkat konvergensi = ΣY ÷ (jumlah indikator × jumlah sasaran − ΣTS). Cakupan indikator = Y ÷ (N − TS).",
        },
        ...(s.unrecorded.length
          ? [
              {
                kind: "paragraph" as const,
                text: `Belum diisi (dihitung tidak menerima): ${s.unrecorded.join(", ")}`,
              },
            ]
          : []),
      ],
    };
    return {
      fileName: pdfFileName("scorecard-konvergensi-desa", s.villageName, quarter),
      pdf: await renderPdf(doc),
    };
  }
}
