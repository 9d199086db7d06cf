/**
 * Downloads of the tables a user sees — a region's prevalence table, its trend, the children
 * list and the measurements — as CSV (the one CSV writer of @tumbuh/core) or XLSX, with the same
 * access rules as the tables they mirror. Every download is in the audit log (region, table, rows).
 */
import { CSV_EXCEL_ID, CSV_PLAIN, type CsvCell, periodDates, sheetName, toCsv } from "@tumbuh/core";
import type { ExportQuery } from "@tumbuh/core/api";
import ExcelJS from "exceljs";
import { requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { recordAudit } from "./audit.ts";
import type { Caller } from "./child-access.ts";
import type { ChildrenService } from "./children.ts";
import {
  FIGURE_COLUMNS,
  levelLabel,
  MEASUREMENT_COLUMNS,
  measurementRow,
  sexLabel,
  statusLabel,
} from "./export-tables.ts";
import type { PrevalenceService } from "./prevalence.ts";

export interface Table {
  name: string;
  columns: string[];
  rows: CsvCell[][];
}

/** A file to send: its name, content type and bytes. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

/** Measurements exported at most (the file names the limit when reached). */
const MEASUREMENT_LIMIT = 200_000;

/** One table as an XLSX workbook of one sheet (bold header row). */
export async function toXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName(t.name));
  ws.addRow(t.columns);
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export class ExportService {
  constructor(
    private readonly repos: Repositories,
    private readonly prevalence: PrevalenceService,
    private readonly children: ChildrenService,
  ) {}

  /** The table asked for, as a file, for a region the user may export; the download is audited. */
  async table(user: Caller, q: ExportQuery, today: string, ip?: string): Promise<ExportFile> {
    const region = q.region ?? user.regionCode;
    requireAccess(user, "export:read", region);
    const table = await this.build(user, region, q, today);
    await recordAudit(this.repos, {
      actor: user,
      action: "export",
      entity: "export",
      entityId: q.table,
      regionCode: region,
      after: { table: q.table, format: q.format, period: q.period ?? null, rows: table.rows.length },
      ip,
    });
    const base = `tumbuh-${q.table}-${region}${q.period ? `-${q.period}` : ""}`.replace(/[^\w.-]+/g, "_");
    if (q.format === "xlsx") {
      return {
        fileName: `${base}.xlsx`,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body: await toXlsx(table),
      };
    }
    return {
      fileName: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: toCsv(table.columns, table.rows, q.dialect === "plain" ? CSV_PLAIN : CSV_EXCEL_ID),
    };
  }

  private async build(user: Caller, region: string, q: ExportQuery, today: string): Promise<Table> {
    if (q.table === "dashboard" || q.table === "trend") {
      const d = await this.prevalence.dashboard(user, region, q.period, today);
      const figs = (f: Record<string, unknown>) => FIGURE_COLUMNS.map(([k]) => (f[k] ?? null) as CsvCell);
      if (q.table === "trend") {
        return {
          name: `Tren ${d.region.name}`,
          columns: ["Kode wilayah", "Wilayah", "Periode", ...FIGURE_COLUMNS.map(([, c]) => c)],
          rows: d.trend.map((t) => [d.region.code, d.region.name, t.period, ...figs(t)]),
        };
      }
      return {
        name: `Prevalensi ${d.period ?? ""}`,
        columns: ["Kode wilayah", "Wilayah", "Tingkat", "Periode", ...FIGURE_COLUMNS.map(([, c]) => c)],
        rows: [
          [d.region.code, d.region.name, levelLabel(d.region.level), d.period, ...figs(d.summary)],
          // in the order of the table on screen: the highest stunting rate first
          ...[...d.children]
            .sort((a, b) => (b.stuntingRate ?? -1) - (a.stuntingRate ?? -1) || a.name.localeCompare(b.name))
            .map((r) => [r.code, r.name, levelLabel(r.level), d.period, ...figs(r)]),
        ],
      };
    }
    if (q.table === "children") {
      // the list on screen: the same search, the same order
      const all = await this.children.search(user, {
        region,
        q: q.q,
        posyanduId: q.posyanduId,
        limit: 50_000,
        offset: 0,
      });
      return {
        name: "Daftar balita",
        columns: [
          "Nama",
          "JK",
          "Tanggal lahir",
          "NIK (disamarkan)",
          "Kode desa/kelurahan",
          "Desa/kelurahan",
          "Posyandu",
          "Tanggal ukur terakhir",
          "Berat terakhir (kg)",
          "Panjang/tinggi terakhir (cm)",
          "zlen terakhir",
          "TB/U terakhir",
        ],
        rows: all.children.map((c) => [
          c.name,
          sexLabel(c.sex),
          c.birthDate,
          c.nikMasked,
          c.villageCode,
          c.villageName,
          c.posyanduName,
          c.lastMeasurement?.date ?? null,
          c.lastMeasurement?.weight ?? null,
          c.lastMeasurement?.height ?? null,
          c.lastMeasurement?.zlen ?? null,
          statusLabel(c.lastMeasurement?.tbu),
        ]),
      };
    }
    requireAccess(user, "children:read", region);
    const rows = await this.repos.children.exportMeasurements(
      region,
      q.period ? periodDates(q.period) : undefined,
      MEASUREMENT_LIMIT,
    );
    return {
      name: `Pengukuran ${q.period ?? ""}`,
      columns: MEASUREMENT_COLUMNS,
      rows: rows.map(measurementRow),
    };
  }
}
