/** Export of the tables a user sees (dashboard, trend, children, measurements) as CSV or XLSX. */
import { toCsv, todayInIndonesia } from "@tumbuh/core";
import { ExportQuery } from "@tumbuh/core/api";
import ExcelJS from "exceljs";
import { z } from "zod";
import { requireAccess } from "../../auth/access.ts";
import { exportMeasurements, searchChildren } from "../../services/children.ts";
import type { App, AppContext } from "../context.ts";
import type { RegionCache } from "../region-cache.ts";
import { responses } from "../schemas.ts";
import { requireUser } from "../session-hooks.ts";
import { buildDashboard } from "./dashboard.ts";

type Cell = string | number | boolean | null;
interface Table {
  name: string;
  columns: string[];
  rows: Cell[][];
}

async function toXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.name.slice(0, 31));
  ws.addRow(t.columns);
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
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

export async function exportRoutes(app: App, ctx: AppContext, regions: RegionCache): Promise<void> {
  const db = ctx.database.db;

  app.get(
    "/api/export",
    {
      schema: {
        tags: ["export"],
        summary: "Download a table as CSV or XLSX",
        querystring: ExportQuery,
        response: responses({ 200: z.any().describe("the CSV or XLSX file") }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const q = request.query;
      const region = q.region ?? user.regionCode;
      requireAccess(user, "export:read", region);
      let table: Table;
      if (q.table === "dashboard" || q.table === "trend") {
        requireAccess(user, "dashboard:read", region);
        const d = await buildDashboard(
          db,
          regions,
          region,
          q.period,
          ctx.demo.synthetic,
          todayInIndonesia(ctx.now()),
        );
        const figs = (f: Record<string, unknown>) => FIGURE_COLUMNS.map(([k]) => (f[k] ?? null) as Cell);
        table =
          q.table === "dashboard"
            ? {
                name: `prevalensi ${d.region.code} ${d.period ?? ""}`,
                columns: ["code", "name", "level", "period", ...FIGURE_COLUMNS.map(([, c]) => c)],
                rows: [d.summary, ...d.children].map((r) => [
                  "code" in r ? (r.code as string) : d.region.code,
                  "name" in r ? (r.name as string) : d.region.name,
                  "level" in r ? (r.level as string) : d.region.level,
                  d.period,
                  ...figs(r as Record<string, unknown>),
                ]),
              }
            : {
                name: `tren ${d.region.code}`,
                columns: ["code", "name", "period", ...FIGURE_COLUMNS.map(([, c]) => c)],
                rows: d.trend.map((t) => [d.region.code, d.region.name, t.period, ...figs(t)]),
              };
      } else if (q.table === "children") {
        const all = await searchChildren(db, ctx.piiKeys, user, { region, limit: 50_000, offset: 0 });
        table = {
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
      } else {
        const rows = await exportMeasurements(db, user, region, q.period);
        table = {
          name: `pengukuran ${region}`,
          columns: Object.keys(rows[0] ?? { child_name: null }),
          rows: rows.map((r) => Object.values(r) as Cell[]),
        };
      }
      const base = `tumbuh-${q.table}-${region}${q.period ? `-${q.period}` : ""}`.replace(/[^\w.-]+/g, "_");
      if (q.format === "xlsx") {
        reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="${base}.xlsx"`);
        return reply.send(await toXlsx(table));
      }
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${base}.csv"`);
      return reply.send(toCsv(table.columns, table.rows));
    },
  );
}
