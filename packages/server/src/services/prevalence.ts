/**
 * Prevalence for a region (nation 'ID', province, district, kecamatan, village) or a posyandu
 * and a period (month 'YYYY-MM' — February and August are the bulan timbang — or year 'YYYY'),
 * read from the roll-up tables: dashboards never scan raw rows.
 */
import { levelOfCode, NATION_CODE } from "@tumbuh/core";
import type { Database } from "../db/connection.ts";
import type { RollupCounts } from "../db/schema.ts";

export type PrevalenceLevel = "nation" | "province" | "district" | "subdistrict" | "village" | "posyandu";

/** The routine-data source every roll-up figure comes from (surveys are kept apart). */
export const ROUTINE_SOURCE = "e-PPGBM / posyandu (routine data)";

export interface PrevalenceRates {
  /** stunted ÷ children with a valid height-for-age, in percent (undefined when none). */
  stunting?: number;
  severeStunting?: number;
  wasting?: number;
  severeWasting?: number;
  overweight?: number;
  underweight?: number;
  /** children measured ÷ target children, in percent, when a target was entered. */
  coverage?: number;
}

export interface PrevalenceRow {
  /** Region code, or the posyandu id for posyandu rows. */
  code: string;
  name?: string;
  level: PrevalenceLevel;
  period: string;
  measured: number;
  hazValid: number;
  stunted: number;
  severelyStunted: number;
  whzValid: number;
  wasted: number;
  severelyWasted: number;
  overweight: number;
  wazValid: number;
  underweight: number;
  /** Children stunted in the period whose previous valid measurement was not stunted. */
  newStunting: number;
  target: number | null;
  rates: PrevalenceRates;
  source: string;
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/** Throws a clear error unless `period` is 'YYYY' or 'YYYY-MM'. */
export function checkPeriod(period: string): void {
  if (!PERIOD.test(period))
    throw new Error(`period: found '${period}', expected YYYY-MM (e.g. 2025-08) or YYYY`);
}

/** True for the national weighing months (bulan timbang): February and August. */
export function isBulanTimbang(period: string): boolean {
  return /^\d{4}-(02|08)$/.test(period);
}

function pct(n: number, d: number | null | undefined): number | undefined {
  return d ? Math.round((1000 * n) / d) / 10 : undefined;
}

function toRow(
  code: string,
  level: PrevalenceLevel,
  period: string,
  c: RollupCounts,
  name?: string,
): PrevalenceRow {
  return {
    code,
    name,
    level,
    period,
    measured: c.measured,
    hazValid: c.haz_valid,
    stunted: c.stunted,
    severelyStunted: c.severely_stunted,
    whzValid: c.whz_valid,
    wasted: c.wasted,
    severelyWasted: c.severely_wasted,
    overweight: c.overweight,
    wazValid: c.waz_valid,
    underweight: c.underweight,
    newStunting: c.new_stunting,
    target: c.target,
    rates: {
      stunting: pct(c.stunted, c.haz_valid),
      severeStunting: pct(c.severely_stunted, c.haz_valid),
      wasting: pct(c.wasted, c.whz_valid),
      severeWasting: pct(c.severely_wasted, c.whz_valid),
      overweight: pct(c.overweight, c.whz_valid),
      underweight: pct(c.underweight, c.waz_valid),
      coverage: pct(c.measured, c.target),
    },
    source: ROUTINE_SOURCE,
  };
}

const ZERO: RollupCounts = {
  measured: 0,
  haz_valid: 0,
  stunted: 0,
  severely_stunted: 0,
  whz_valid: 0,
  wasted: 0,
  severely_wasted: 0,
  overweight: 0,
  waz_valid: 0,
  underweight: 0,
  new_stunting: 0,
  target: null,
};

const counts = [
  "measured",
  "haz_valid",
  "stunted",
  "severely_stunted",
  "whz_valid",
  "wasted",
  "severely_wasted",
  "overweight",
  "waz_valid",
  "underweight",
  "new_stunting",
  "target",
] as const;

function levelOf(code: string): Exclude<PrevalenceLevel, "posyandu"> {
  if (code === NATION_CODE) return "nation";
  const level = levelOfCode(code);
  if (!level)
    throw new Error(
      `region: found '${code}', expected ID (nation) or a code such as 35, 35.03, 35.03.01 or 35.03.01.2001`,
    );
  return level;
}

/** Roll-up counts of one region over the given periods (missing periods are absent). */
async function regionCounts(
  database: Database,
  code: string,
  periods: string[],
): Promise<Map<string, RollupCounts>> {
  const level = levelOf(code);
  const out = new Map<string, RollupCounts>();
  if (periods.length === 0) return out;
  if (level === "nation" || level === "province") {
    const rows = await database.db
      .selectFrom("rollup_upper")
      .select(["period", ...counts])
      .where("region_code", "=", code)
      .where("period", "in", periods)
      .execute();
    for (const r of rows) out.set(r.period, r);
    return out;
  }
  const rows = await database.db
    .selectFrom("rollup_district")
    .select(["period", ...counts])
    .where("district_code", "=", code.slice(0, 5))
    .where("unit_kind", "=", level)
    .where("unit_code", "=", code)
    .where("period", "in", periods)
    .execute();
  for (const r of rows) out.set(r.period, r);
  return out;
}

/**
 * Prevalence of one region and period; all counts zero when nobody was measured there. Throws
 * a clear error for a malformed code or period.
 */
export async function getPrevalence(
  database: Database,
  code: string,
  period: string,
): Promise<PrevalenceRow> {
  checkPeriod(period);
  const c = (await regionCounts(database, code, [period])).get(period) ?? ZERO;
  const name =
    code === NATION_CODE
      ? "Indonesia"
      : (await database.db.selectFrom("regions").select("name").where("code", "=", code).executeTakeFirst())
          ?.name;
  return toRow(code, levelOf(code), period, c, name);
}

/**
 * Prevalence of the units one level below a region, for the drill-down and the table of child
 * regions: provinces of the nation, districts of a province, kecamatan of a district, villages
 * of a kecamatan, posyandu of a village. Every child region is listed, zeros included.
 */
export async function childPrevalence(
  database: Database,
  code: string,
  period: string,
): Promise<PrevalenceRow[]> {
  checkPeriod(period);
  const level = levelOf(code);
  if (level === "village") return posyanduPrevalence(database, code, period);
  const regions = await database.db
    .selectFrom("regions")
    .select(["code", "name", "level"])
    .$call((q) =>
      level === "nation" ? q.where("level", "=", "province") : q.where("parent_code", "=", code),
    )
    .orderBy("code")
    .execute();
  const byCode = new Map<string, RollupCounts>();
  if (level === "nation") {
    const rows = await database.db
      .selectFrom("rollup_upper")
      .select(["region_code as code", ...counts])
      .where("period", "=", period)
      .where("region_code", "<>", NATION_CODE)
      .execute();
    for (const r of rows) byCode.set(r.code, r);
  } else {
    const childLevel = level === "province" ? "district" : level === "district" ? "subdistrict" : "village";
    let q = database.db
      .selectFrom("rollup_district")
      .select(["unit_code as code", ...counts])
      .where("period", "=", period)
      .where("unit_kind", "=", childLevel);
    q =
      level === "province"
        ? q.where("district_code", "like", `${code}.%`)
        : q.where("district_code", "=", code.slice(0, 5)).where("unit_code", "like", `${code}.%`);
    for (const r of await q.execute()) byCode.set(r.code, r);
  }
  return regions.map((r) => toRow(r.code, r.level, period, byCode.get(r.code) ?? ZERO, r.name));
}

/** Prevalence per posyandu of a village (every posyandu of the village, zeros included). */
export async function posyanduPrevalence(
  database: Database,
  villageCode: string,
  period: string,
): Promise<PrevalenceRow[]> {
  checkPeriod(period);
  const district = villageCode.slice(0, 5);
  const posyandu = await database.db
    .selectFrom("posyandu")
    .select(["id", "name"])
    .where("district_code", "=", district)
    .where("village_code", "=", villageCode)
    .orderBy("name")
    .execute();
  if (posyandu.length === 0) return [];
  const rows = await database.db
    .selectFrom("rollup_district")
    .select(["unit_code as code", ...counts])
    .where("district_code", "=", district)
    .where("unit_kind", "=", "posyandu")
    .where("period", "=", period)
    .where(
      "unit_code",
      "in",
      posyandu.map((p) => p.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.code, r]));
  return posyandu.map((p) => toRow(p.id, "posyandu", period, byId.get(p.id) ?? ZERO, p.name));
}

/** The months from `from` to `to` inclusive ('YYYY-MM'). */
export function monthsBetween(from: string, to: string): string[] {
  checkPeriod(from);
  checkPeriod(to);
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m++;
    if (m > 12) {
      y++;
      m = 1;
    }
    if (out.length > 600) break;
  }
  return out;
}

/**
 * Trend of a region over periods (months 'YYYY-MM' or years 'YYYY'), in the order given;
 * periods with nobody measured come back with zero counts.
 */
export async function prevalenceTrend(
  database: Database,
  code: string,
  periods: string[],
): Promise<PrevalenceRow[]> {
  for (const p of periods) checkPeriod(p);
  const level = levelOf(code);
  const byPeriod = await regionCounts(database, code, periods);
  return periods.map((p) => toRow(code, level, p, byPeriod.get(p) ?? ZERO));
}

/** The periods that have data for a region, newest first (for period pickers). */
export async function availablePeriods(database: Database, code: string): Promise<string[]> {
  const level = levelOf(code);
  const rows =
    level === "nation" || level === "province"
      ? await database.db
          .selectFrom("rollup_upper")
          .select("period")
          .where("region_code", "=", code)
          .execute()
      : await database.db
          .selectFrom("rollup_district")
          .select("period")
          .where("district_code", "=", code.slice(0, 5))
          .where("unit_kind", "=", level)
          .where("unit_code", "=", code)
          .execute();
  return rows.map((r) => r.period).sort((a, b) => (a < b ? 1 : -1));
}

function fmtRate(r: number | undefined): string {
  return r === undefined ? "-" : `${r.toFixed(1)}%`;
}

/** Plain-text table lines for rows (used by `tumbuh prevalence --region`). */
export function prevalenceTable(rows: PrevalenceRow[]): string {
  const header = [
    "code",
    "name",
    "measured",
    "valid HAZ",
    "stunted",
    "stunting",
    "severe",
    "wasting",
    "underweight",
    "overweight",
    "new stunting",
    "target",
    "coverage",
  ];
  const body = rows.map((r) => [
    r.code,
    r.name ?? "",
    String(r.measured),
    String(r.hazValid),
    String(r.stunted),
    fmtRate(r.rates.stunting),
    fmtRate(r.rates.severeStunting),
    fmtRate(r.rates.wasting),
    fmtRate(r.rates.underweight),
    fmtRate(r.rates.overweight),
    String(r.newStunting),
    r.target === null ? "-" : String(r.target),
    fmtRate(r.rates.coverage),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return `${[line(header), ...body.map(line)].join("\n")}\n`;
}

/**
 * Writes the prevalence of a region and period, then of the units below it, as a text table
 * (`tumbuh prevalence --region CODE --period P`).
 */
export async function printRegionPrevalence(
  database: Database,
  opts: { region: string; period: string },
  out: NodeJS.WritableStream,
): Promise<void> {
  const row = await getPrevalence(database, opts.region, opts.period);
  const children = await childPrevalence(database, opts.region, opts.period);
  out.write(
    `${row.name ?? row.code} (${row.code}), ${opts.period}${isBulanTimbang(opts.period) ? " (bulan timbang)" : ""} — source: ${row.source}\n`,
  );
  out.write(prevalenceTable([row]));
  if (children.length > 0) {
    out.write(`\n${children[0].level === "posyandu" ? "posyandu" : "regions below"}:\n`);
    out.write(prevalenceTable(children));
  }
}
