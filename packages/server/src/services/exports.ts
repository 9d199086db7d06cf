/**
 * Downloads of the tables a user sees — a region's prevalence table, its trend, the children
 * list and the measurements — as CSV (the one CSV writer of @tumbuh/core) or XLSX, with the same
 * access rules as the tables they mirror. Every download is in the audit log (region, table, rows).
 */
import { type CsvCell, periodDates, toCsv } from "@tumbuh/core";
import type { ExportQuery } from "@tumbuh/core/api";
import ExcelJS from "exceljs";
import { requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { recordAudit } from "./audit.ts";
import type { Caller } from "./child-access.ts";
import type { ChildrenService } from "./children.ts";
import type { PrevalenceService } from "./prevalence.ts";

interface Table {
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

const FIGURE_COLUMNS = [
  ["measured", "measured"],
  ["validHaz", "valid_haz"],
  ["stunted", "stunted"],
  ["severelyStunted", "severely_stunted"],
  ["stuntingRate", "stunting_rate_pct"],
  ["wasted", "wasted"],
  ["wastingRate", "wasting_rate_pct"],
  ["underweight", "underweight"],
  ["underweightRate", "underweight_rate_pct"],
  ["overweight", "overweight"],
  ["overweightRate", "overweight_rate_pct"],
  ["newStunting", "new_stunting"],
  ["target", "target"],
  ["coverageRate", "coverage_pct"],
] as const;

/** Measurements exported at most (the file names the limit when reached). */
const MEASUREMENT_LIMIT = 200_000;

async function toXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31));
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
      body: toCsv(table.columns, table.rows),
    };
  }

  private async build(user: Caller, region: string, q: ExportQuery, today: string): Promise<Table> {
    if (q.table === "dashboard" || q.table === "trend") {
      const d = await this.prevalence.dashboard(user, region, q.period, today);
      const figs = (f: Record<string, unknown>) => FIGURE_COLUMNS.map(([k]) => (f[k] ?? null) as CsvCell);
      if (q.table === "trend") {
        return {
          name: `tren ${d.region.code}`,
          columns: ["code", "name", "period", ...FIGURE_COLUMNS.map(([, c]) => c)],
          rows: d.trend.map((t) => [d.region.code, d.region.name, t.period, ...figs(t)]),
        };
      }
      return {
        name: `prevalensi ${d.region.code} ${d.period ?? ""}`,
        columns: ["code", "name", "level", "period", ...FIGURE_COLUMNS.map(([, c]) => c)],
        rows: [
          [d.region.code, d.region.name, d.region.level, d.period, ...figs(d.summary)],
          ...d.children.map((r) => [r.code, r.name, r.level, d.period, ...figs(r)]),
        ],
      };
    }
    if (q.table === "children") {
      const all = await this.children.search(user, { region, limit: 50_000, offset: 0 });
      return {
        name: `balita ${region}`,
        columns: [
          "name",
          "sex",
          "birth_date",
          "nik_masked",
          "village_code",
          "village",
          "posyandu",
          "last_date",
          "last_weight",
          "last_height",
          "last_zlen",
          "last_tbu",
        ],
        rows: all.children.map((c) => [
          c.name,
          c.sex === 1 ? "L" : "P",
          c.birthDate,
          c.nikMasked,
          c.villageCode,
          c.villageName,
          c.posyanduName,
          c.lastMeasurement?.date ?? null,
          c.lastMeasurement?.weight ?? null,
          c.lastMeasurement?.height ?? null,
          c.lastMeasurement?.zlen ?? null,
          c.lastMeasurement?.tbu ?? null,
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
      name: `pengukuran ${region}`,
      columns: Object.keys(rows[0] ?? { child_name: null }),
      rows: rows.map((r) => Object.values(r) as CsvCell[]),
    };
  }
}
