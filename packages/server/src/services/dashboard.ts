/**
 * The dashboard read model: prevalence figures of a region and period, of its child regions
 * (or posyandu below a village), and its trend, all read from the roll-up tables (never raw
 * rows), so every level shows the same numbers.
 */

import { districtOfCode, NATION_CODE, regionLevelOf } from "@tumbuh/core";
import type { Figures, Region } from "@tumbuh/core/api";
import { type Kysely, sql } from "kysely";
import type { DB, RollupCounts } from "../db/schema.ts";

/** A roll-up row's counts (and, for a region's own rows, when they were refreshed). */
export type Counts = Omit<RollupCounts, "target"> & { target: number | null; refreshed_at?: unknown };

export const COUNT_FIELDS = [
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

/** A percentage with one decimal, or null when the denominator is 0 or unknown. */
export function rate(numerator: number, denominator: number | null): number | null {
  if (!denominator) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** Counts of a roll-up row turned into the API's figures (zeros when there is no row). */
export function toFigures(c: Counts | undefined): Figures {
  const z = c ?? {
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
  return {
    measured: z.measured,
    validHaz: z.haz_valid,
    stunted: z.stunted,
    severelyStunted: z.severely_stunted,
    wasted: z.wasted,
    severelyWasted: z.severely_wasted,
    underweight: z.underweight,
    overweight: z.overweight,
    newStunting: z.new_stunting,
    target: z.target,
    stuntingRate: rate(z.stunted, z.haz_valid),
    severeStuntingRate: rate(z.severely_stunted, z.haz_valid),
    wastingRate: rate(z.wasted, z.whz_valid),
    underweightRate: rate(z.underweight, z.waz_valid),
    overweightRate: rate(z.overweight, z.whz_valid),
    coverageRate: rate(z.measured, z.target),
  };
}

/**
 * A unit of a table (child region or posyandu) with its figures, as one object with the API's
 * keys in order. Written out rather than spread: V8 builds a 21-key object from two spreads
 * slowly (about 15 µs each), which dominated large dashboards.
 */
export function unitFigures(u: Region, c: Counts | undefined): Region & Figures {
  const f = toFigures(c);
  return {
    code: u.code,
    name: u.name,
    level: u.level,
    kind: u.kind,
    parentCode: u.parentCode,
    measured: f.measured,
    validHaz: f.validHaz,
    stunted: f.stunted,
    severelyStunted: f.severelyStunted,
    wasted: f.wasted,
    severelyWasted: f.severelyWasted,
    underweight: f.underweight,
    overweight: f.overweight,
    newStunting: f.newStunting,
    target: f.target,
    stuntingRate: f.stuntingRate,
    severeStuntingRate: f.severeStuntingRate,
    wastingRate: f.wastingRate,
    underweightRate: f.underweightRate,
    overweightRate: f.overweightRate,
    coverageRate: f.coverageRate,
  };
}

/** A point of the trend: the figures of one period, then the period (the API's key order). */
export function periodFigures(period: string, c: Counts | undefined): Figures & { period: string } {
  const f = toFigures(c);
  return {
    measured: f.measured,
    validHaz: f.validHaz,
    stunted: f.stunted,
    severelyStunted: f.severelyStunted,
    wasted: f.wasted,
    severelyWasted: f.severelyWasted,
    underweight: f.underweight,
    overweight: f.overweight,
    newStunting: f.newStunting,
    target: f.target,
    stuntingRate: f.stuntingRate,
    severeStuntingRate: f.severeStuntingRate,
    wastingRate: f.wastingRate,
    underweightRate: f.underweightRate,
    overweightRate: f.overweightRate,
    coverageRate: f.coverageRate,
    period,
  };
}

/** Roll-up rows of one region (any level) for the given periods (all when omitted). */
export async function regionCounts(
  db: Kysely<DB>,
  code: string,
  periods?: string[],
): Promise<Array<Counts & { period: string }>> {
  const level = regionLevelOf(code);
  if (periods && periods.length === 0) return [];
  if (level === "nation" || level === "province") {
    let q = db
      .selectFrom("rollup_upper")
      .select([...COUNT_FIELDS, "period", "refreshed_at"])
      .where("region_code", "=", code);
    if (periods) q = q.where("period", "in", periods);
    return q.execute();
  }
  let q = db
    .selectFrom("rollup_district")
    .select([...COUNT_FIELDS, "period", "refreshed_at"])
    .where("district_code", "=", districtOfCode(code))
    .where("unit_kind", "=", level)
    .where("unit_code", "=", code);
  if (periods) q = q.where("period", "in", periods);
  return q.execute();
}

/** The periods with data for a region, newest first (months and years). */
export async function regionPeriods(db: Kysely<DB>, code: string): Promise<string[]> {
  const level = regionLevelOf(code);
  const rows =
    level === "nation" || level === "province"
      ? await db
          .selectFrom("rollup_upper")
          .select("period")
          .where("region_code", "=", code)
          .where("measured", ">", 0)
          .execute()
      : await db
          .selectFrom("rollup_district")
          .select("period")
          .where("district_code", "=", districtOfCode(code))
          .where("unit_kind", "=", level)
          .where("unit_code", "=", code)
          .where("measured", ">", 0)
          .execute();
  return rows.map((r) => r.period).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** Counts of each child unit of a region for one period, keyed by unit code (posyandu id below a village). */
export async function childCounts(
  db: Kysely<DB>,
  code: string,
  period: string,
): Promise<Map<string, Counts>> {
  const level = regionLevelOf(code);
  let rows: Array<Counts & { code: string }>;
  if (level === "nation") {
    rows = await db
      .selectFrom("rollup_upper")
      .select([...COUNT_FIELDS, "region_code as code"])
      .where("period", "=", period)
      .where(sql<boolean>`length(region_code) = 2`)
      .execute();
  } else if (level === "province") {
    rows = await db
      .selectFrom("rollup_district")
      .select([...COUNT_FIELDS, "unit_code as code"])
      .where("period", "=", period)
      .where("unit_kind", "=", "district")
      .where("district_code", "like", `${code}.%`)
      .execute();
  } else {
    const kind = level === "district" ? "subdistrict" : level === "subdistrict" ? "village" : "posyandu";
    let q = db
      .selectFrom("rollup_district")
      .select([...COUNT_FIELDS, "unit_code as code"])
      .where("district_code", "=", districtOfCode(code))
      .where("unit_kind", "=", kind)
      .where("period", "=", period);
    if (kind !== "posyandu") q = q.where("unit_code", "like", `${code}.%`);
    rows = await q.execute();
  }
  return new Map(rows.map((r) => [r.code, r]));
}

/**
 * The month a view opens on when none is asked for: the latest month (YYYY-MM) among `periods`
 * that is not after the month of `today` (YYYY-MM-DD), or null. A month in the future is never chosen.
 */
export function defaultMonth(periods: readonly string[], today: string): string | null {
  const current = today.slice(0, 7);
  let best: string | null = null;
  for (const p of periods) {
    if (p.length === 7 && p <= current && (best === null || p > best)) best = p;
  }
  return best;
}

/** Trend periods: the 12 months ending at `period` (a year ends at its December). */
export function trendMonths(period: string): string[] {
  const [y, m] =
    period.length === 4 ? [Number(period), 12] : [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  const out: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const idx = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`);
  }
  return out;
}

export { NATION_CODE };
