/**
 * Target populations (sasaran balita, children 0–59 months) per village and year, the
 * denominator of coverage. Imported from a CSV/XLSX with a village code, a year and a count.
 */
import { levelOfCode, normalizeHeader, parseDecimal, regionWithin } from "@tumbuh/core";
import { type Actor, requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { refreshRollups } from "../db/repositories/rollup-refresh.ts";
import { readSheets } from "../import/read.ts";

interface TargetRejection {
  rowNo: number;
  field: string;
  reason: string;
}

export interface TargetsReport {
  rowsRead: number;
  saved: number;
  districts: string[];
  rejections: TargetRejection[];
}

const ALIASES: Record<"village" | "year" | "target", string[]> = {
  village: ["Kode Desa", "Kode Desa/Kel", "Kode Wilayah", "village_code", "Village Code", "Kode"],
  year: ["Tahun", "Year"],
  target: [
    "Sasaran",
    "Sasaran Balita",
    "Jumlah Sasaran",
    "Jumlah Sasaran Balita",
    "Target",
    "children_0_59",
    "Balita",
  ],
};

/**
 * Reads targets from a file (columns: Kode Desa, Tahun, Sasaran), saves them (replacing a
 * village's value for the year) and refreshes the roll-ups of the districts touched. A file
 * with any rejected row saves nothing.
 */
export async function importTargets(
  repos: Repositories,
  user: Actor,
  path: string,
  opts: { source?: string } = {},
): Promise<TargetsReport> {
  requireAccess(user, "import:write", user.regionCode);
  const report: TargetsReport = { rowsRead: 0, saved: 0, districts: [], rejections: [] };
  const rows: { district: string; village: string; year: number; target: number }[] = [];
  const villages = await repos.regions.villageCodes();
  for await (const sheet of readSheets(path)) {
    const idx = Object.fromEntries(
      (Object.keys(ALIASES) as (keyof typeof ALIASES)[]).map((k) => [
        k,
        sheet.header.findIndex((h) => ALIASES[k].map(normalizeHeader).includes(normalizeHeader(h))),
      ]),
    ) as Record<keyof typeof ALIASES, number>;
    if (idx.village < 0 || idx.year < 0 || idx.target < 0) {
      throw new Error(
        `sheet '${sheet.name || path}': expected columns Kode Desa, Tahun and Sasaran; found ${sheet.header.join(", ")}`,
      );
    }
    for await (const row of sheet.rows) {
      report.rowsRead++;
      const village = String(row.cells[idx.village] ?? "").trim();
      const year = Number(String(row.cells[idx.year] ?? "").trim());
      const t = parseDecimal(
        row.cells[idx.target] instanceof Date ? "" : (row.cells[idx.target] as string | number | null),
      );
      if (levelOfCode(village) !== "village" || !villages.has(village)) {
        report.rejections.push({
          rowNo: row.rowNo,
          field: "Kode Desa",
          reason: `found "${village}", expected the code of a village such as 35.03.01.2001`,
        });
      } else if (!regionWithin(village, user.regionCode)) {
        report.rejections.push({
          rowNo: row.rowNo,
          field: "Kode Desa",
          reason: `village ${village} is outside your scope ${user.regionCode}`,
        });
      } else if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        report.rejections.push({
          rowNo: row.rowNo,
          field: "Tahun",
          reason: `found "${row.cells[idx.year] ?? ""}", expected a year such as 2025`,
        });
      } else if (!t.ok || t.value === undefined || !Number.isInteger(t.value) || t.value < 0) {
        report.rejections.push({
          rowNo: row.rowNo,
          field: "Sasaran",
          reason: `found "${row.cells[idx.target] ?? ""}", expected a whole number of children`,
        });
      } else {
        rows.push({ district: village.slice(0, 5), village, year, target: t.value });
      }
    }
    break;
  }
  if (report.rejections.length > 0) return report;
  const districts = [...new Set(rows.map((r) => r.district))].sort();
  await repos.transaction(async (tx) => {
    await tx.targets.upsert(rows, opts.source ?? "import");
    await refreshRollups(tx, districts);
  });
  report.saved = rows.length;
  report.districts = districts;
  return report;
}
