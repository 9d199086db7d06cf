/** Synthetic e-PPGBM files for a real district: its regions come from the database. */
import { extname } from "node:path";
import { Repositories } from "../db/repositories/index.ts";
import type { HasDb } from "../db/schema.ts";
import { EPPGBM_FLAT_COLUMNS, generateEppgbmRows, type SynthDistrict, type SynthOptions } from "./eppgbm.ts";
import { writeCsv, writeXlsx } from "./write.ts";

/** The district's province, subdistricts and villages as the generator needs them. */
export async function loadSynthDistrict(database: HasDb, districtCode: string): Promise<SynthDistrict> {
  const rows = await new Repositories(database.db).regions.subtree(districtCode);
  const district = rows.find((r) => r.code === districtCode && r.level === "district");
  const province = rows.find((r) => r.level === "province");
  if (!district || !province)
    throw new Error(
      `no district with code '${districtCode}' (expected a code such as 35.03; run 'tumbuh regions load' first)`,
    );
  const subdistricts = rows
    .filter((r) => r.level === "subdistrict")
    .map((s) => ({
      code: s.code,
      name: s.name,
      villages: rows
        .filter((v) => v.level === "village" && v.code.startsWith(`${s.code}.`))
        .map((v) => ({ code: v.code, name: v.name })),
    }));
  return { province, district, subdistricts };
}

/**
 * Writes a flat e-PPGBM file (sheet RECORDS for .xlsx; comma CSV, or semicolon with decimal
 * commas for `.csv` when `semicolon` is set) and returns the number of rows written.
 */
export async function synthesizeDistrictFile(
  database: HasDb,
  opts: SynthOptions & { district: string; out: string; semicolon?: boolean },
): Promise<number> {
  const place = await loadSynthDistrict(database, opts.district);
  const ext = extname(opts.out).toLowerCase();
  if (ext === ".xlsx")
    return writeXlsx(opts.out, "RECORDS", EPPGBM_FLAT_COLUMNS, generateEppgbmRows(place, opts));
  if (ext !== ".csv") throw new Error(`output file '${opts.out}': expected a .csv or .xlsx name`);
  const rows = generateEppgbmRows(place, { ...opts, decimalComma: opts.semicolon });
  return writeCsv(opts.out, EPPGBM_FLAT_COLUMNS, rows, opts.semicolon ? ";" : ",");
}
