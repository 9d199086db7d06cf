/**
 * The F II Gizi monthly posyandu report (core f2gizi.ts) of a district or a region within one: each
 * posyandu's SKDN and nutrition status from the roll-ups, rolled up per puskesmas (posyandu with
 * no puskesmas under their kecamatan), as JSON, CSV, XLSX or a printable PDF. Aggregates only
 * (dashboard:read; the files need export:read); every download is audited.
 */
import {
  CSV_EXCEL_ID,
  districtOfCode,
  f2giziReport,
  f2giziTable,
  regionLevelOf,
  toCsv,
  userMessage,
} from "@tumbuh/core";
import type { F2GiziQuery, F2GiziResponse } from "@tumbuh/core/api";
import { requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { type PdfDocument, pdfFileName, renderPdf } from "../pdf/document.ts";
import { recordAudit } from "./audit.ts";
import type { Caller } from "./child-access.ts";
import { type DemoInfo, holdsDemoData } from "./context.ts";
import { badRequest } from "./errors.ts";
import { type ExportFile, toXlsx } from "./exports.ts";
import { type KbmService, kbmInfo } from "./kbm.ts";
import type { RegionService } from "./regions.ts";
import { defaultPeriodOf } from "./report-unit.ts";

const MONTHS_ID = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];

/** "2025-08" → "Agustus 2025". */
function monthName(period: string): string {
  const [y, m] = period.split("-");
  return m ? `${MONTHS_ID[Number(m) - 1]} ${y}` : y;
}

export class F2GiziService {
  constructor(
    private readonly repos: Repositories,
    private readonly regions: RegionService,
    private readonly kbm: KbmService,
    private readonly demo: DemoInfo,
  ) {}

  /** The report of a district or a region within one (default the caller's scope) for a month. */
  async report(caller: Caller, q: F2GiziQuery, today: string): Promise<F2GiziResponse> {
    const code = q.region ?? caller.regionCode;
    requireAccess(caller, "dashboard:read", code);
    const level = regionLevelOf(code);
    if (level === "nation" || level === "province")
      throw badRequest(
        "region",
        `expected a district or a region within one, got ${code}`,
        userMessage("report.districtOrBelow", { code }),
      );
    const district = districtOfCode(code);
    const [path, periodRows, kbm] = await Promise.all([
      this.regions.withAncestors(code),
      this.repos.skdn.months({ kind: "region", code }),
      this.kbm.forDistrict(district),
    ]);
    const periods = periodRows.map((r) => r.period).reverse();
    let period = q.period ?? null;
    if (period === null && periods.length > 0) {
      const chosen = await defaultPeriodOf(this.repos, code, today);
      period =
        chosen && periods.includes(chosen) ? chosen : (periods.find((p) => p <= today.slice(0, 7)) ?? null);
    }
    const base = {
      unit: { code, name: path.region.name, level: path.region.level },
      ancestors: path.ancestors,
      period,
      periods,
      kbm: kbmInfo(kbm.table),
      groupedBy: "puskesmas" as const,
    };
    if (!period) return { ...base, withoutPuskesmas: 0, headers: [], rows: [], rowKinds: [] };
    const [posyandu, skdn, nutrition] = await Promise.all([
      this.repos.f2gizi.posyandu(code),
      this.repos.f2gizi.skdn(district, period),
      this.repos.f2gizi.nutrition(district, period),
    ]);
    const report = f2giziReport(
      period,
      posyandu.map((p) => ({
        id: p.id,
        name: p.name,
        villageCode: p.village_code,
        villageName: p.village_name ?? p.village_code,
        subdistrictCode: p.village_code.slice(0, 8),
        subdistrictName: p.subdistrict_name ?? p.village_code.slice(0, 8),
        puskesmasId: p.puskesmas_id,
        puskesmasName: p.puskesmas_name,
        skdn: skdn.get(p.id),
        nutrition: nutrition.get(p.id),
      })),
    );
    const table = f2giziTable(report);
    return {
      ...base,
      withoutPuskesmas: posyandu.filter((p) => !p.puskesmas_id).length,
      headers: table.headers,
      rows: table.rows,
      rowKinds: table.kinds,
    };
  }

  /** The report as a CSV, XLSX or PDF file (export:read), audited. */
  async file(
    caller: Caller,
    q: F2GiziQuery & { format: "csv" | "xlsx" | "pdf" },
    today: string,
    ip?: string,
  ): Promise<ExportFile> {
    const r = await this.report(caller, q, today);
    requireAccess(caller, "export:read", r.unit.code);
    if (!r.period)
      throw badRequest("period", "no SKDN data for this region yet", userMessage("report.noSkdnData"));
    await recordAudit(this.repos, {
      actor: caller,
      action: "export",
      entity: "f2gizi",
      entityId: `${r.unit.code}:${r.period}`,
      regionCode: r.unit.code,
      after: { format: q.format, period: r.period, rows: r.rows.length },
      ip,
    });
    const base = `f2gizi-${r.unit.code}-${r.period}`.replace(/[^\w.-]+/g, "_");
    if (q.format === "csv")
      return {
        fileName: `${base}.csv`,
        contentType: "text/csv; charset=utf-8",
        body: toCsv(r.headers, r.rows, CSV_EXCEL_ID),
      };
    if (q.format === "xlsx")
      return {
        fileName: `${base}.xlsx`,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body: await toXlsx({ name: `F II Gizi ${r.period}`, columns: r.headers, rows: r.rows }),
      };
    return {
      fileName: pdfFileName("f2gizi", r.unit.code, r.period),
      contentType: "application/pdf",
      body: await renderPdf(this.pdfDocument(r)),
    };
  }

  /** The printable document: letterhead, the unit and month, the table with subtotals, signatures. */
  private pdfDocument(r: F2GiziResponse): PdfDocument {
    const district = [...r.ancestors, r.unit].find((a) => a.level === "district");
    const totalAt = r.rowKinds.indexOf("total");
    return {
      title: "Laporan Bulanan Gizi Posyandu (F II Gizi)",
      subtitle: `${r.unit.name} — ${monthName(r.period ?? "")}`,
      letterhead: [`Pemerintah ${district?.name ?? r.unit.name}`, "Dinas Kesehatan"],
      orientation: "landscape",
      synthetic: holdsDemoData(this.demo, r.unit.code),
      blocks: [
        {
          kind: "fields",
          rows: [
            ["Wilayah", r.unit.name],
            ["Bulan", monthName(r.period ?? "")],
            ["Tabel KBM", r.kbm?.label ?? "—"],
            [
              "Pengelompokan",
              r.withoutPuskesmas > 0
                ? `Per puskesmas; ${r.withoutPuskesmas} posyandu tanpa puskesmas dikelompokkan per kecamatan`
                : "Per puskesmas",
            ],
          ],
        },
        {
          kind: "table",
          headers: r.headers,
          rows: r.rows.filter((_, i) => i !== totalAt),
          totalRow: totalAt >= 0 ? r.rows[totalAt] : undefined,
        },
        {
          kind: "paragraph",
          text:
            "S: balita terdaftar (0–59 bulan); K: punya KMS/Buku KIA; D: ditimbang; N: naik; T: tidak naik; " +
            "O: tidak ditimbang bulan lalu; B: baru pertama ditimbang; 2T: dua kali berturut-turut tidak naik; " +
            "BGM: BB/U di bawah −3 SD. Stunting, wasting dan BB kurang: anak dengan z-score sah di bawah −2 SD.",
        },
        {
          kind: "signatures",
          people: [
            { role: "Petugas gizi", name: "" },
            { role: "Kepala Puskesmas / Dinas Kesehatan", name: "" },
          ],
        },
      ],
    };
  }
}
