/**
 * A region's reporting per month, for the default-period rule (core default-period.ts): children
 * measured (the region's roll-up row) and posyandu that reported at least one measurement (the
 * posyandu roll-up rows inside the region). Months only; years are left out.
 */
import { districtOfCode, type MonthActivity, regionLevelOf } from "@tumbuh/core";
import { sql } from "kysely";
import type { Db } from "../schema.ts";

export class PeriodActivityRepository {
  constructor(private readonly db: Db) {}

  /** Every month with a roll-up row for the region, oldest first. */
  async activity(code: string): Promise<MonthActivity[]> {
    const level = regionLevelOf(code);
    const month = "^[0-9]{4}-[0-9]{2}$";
    let r: { rows: Array<{ period: string; measured: number; posyandu: number }> };
    if (level === "nation" || level === "province") {
      const like = level === "nation" ? "%" : `${code}.%`;
      r = await sql<{ period: string; measured: number; posyandu: number }>`
        WITH pos AS (
          SELECT period, count(*)::integer AS n FROM rollup_district
          WHERE unit_kind = 'posyandu' AND measured > 0 AND district_code LIKE ${like} AND period ~ ${month}
          GROUP BY period)
        SELECT u.period, u.measured, coalesce(pos.n, 0) AS posyandu FROM rollup_upper u
        LEFT JOIN pos ON pos.period = u.period
        WHERE u.region_code = ${code} AND u.period ~ ${month} ORDER BY u.period`.execute(this.db);
    } else {
      const district = districtOfCode(code);
      const inRegion =
        level === "district"
          ? sql`true`
          : level === "village"
            ? sql`p.village_code = ${code}`
            : sql`p.village_code LIKE ${`${code}.%`}`;
      r = await sql<{ period: string; measured: number; posyandu: number }>`
        WITH pos AS (
          SELECT r.period, count(*)::integer AS n FROM rollup_district r
          JOIN posyandu p ON p.district_code = r.district_code AND p.id::text = r.unit_code
          WHERE r.district_code = ${district} AND r.unit_kind = 'posyandu' AND r.measured > 0
            AND r.period ~ ${month} AND ${inRegion}
          GROUP BY r.period)
        SELECT o.period, o.measured, coalesce(pos.n, 0) AS posyandu FROM rollup_district o
        LEFT JOIN pos ON pos.period = o.period
        WHERE o.district_code = ${district} AND o.unit_kind = ${level} AND o.unit_code = ${code}
          AND o.period ~ ${month} ORDER BY o.period`.execute(this.db);
    }
    return r.rows.map((x) => ({
      month: x.period,
      measured: Number(x.measured),
      posyanduReporting: Number(x.posyandu),
    }));
  }
}
